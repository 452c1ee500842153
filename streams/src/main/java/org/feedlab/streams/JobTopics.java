package org.feedlab.streams;

import java.io.Serializable;
import java.util.List;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;

/**
 * The Kafka names of a run's topics: each topic of {@link Topics} under a prefix, so several runs
 * can share one broker (a cluster) without reading each other's records. An embedded broker serves
 * one run and uses no prefix.
 *
 * @param prefix put before every topic name; letters, digits, '.', '_' and '-' only
 */
public record JobTopics(String prefix) implements Serializable {
    /** The topics under their plain names. */
    public static final JobTopics PLAIN = new JobTopics("");

    public JobTopics {
        if (!prefix.matches("[A-Za-z0-9._-]{0,100}")) {
            throw new IllegalArgumentException(
                    "a topic prefix has at most 100 letters, digits, '.', '_' or '-': " + prefix);
        }
    }

    /** The Kafka name of a topic. */
    public String name(Topic<?> topic) {
        return prefix + topic.name();
    }

    /** The topic a Kafka name stands for, or null when it is none of this run's. */
    public Topic<?> topicOf(String name) {
        for (Topic<?> t : Topics.ALL) {
            if (name(t).equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The Kafka names of the job's input topics. */
    public List<String> inputs() {
        return Topics.JOB_INPUTS.stream().map(this::name).toList();
    }

    /** The Kafka names of every topic of the run. */
    public List<String> all() {
        return Topics.ALL.stream().map(this::name).toList();
    }
}

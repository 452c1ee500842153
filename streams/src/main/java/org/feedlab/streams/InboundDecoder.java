package org.feedlab.streams;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.MalformedRecordException;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.events.RecordChecks;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;

/**
 * Decodes the bytes of one record of a job input topic. Never throws: bytes that are too large, not
 * a record, a record of a type not allowed on that topic, or a record with a value out of range
 * ({@link RecordChecks}: NaN, a negative id) become a dead letter with their origin and the reason,
 * so one bad record can neither stop the job nor put it into a restart loop.
 */
public final class InboundDecoder implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Largest record value read, in bytes: far above any record the society writes (a feed request
     * carrying a follow list of several thousand accounts), far below Kafka's 1 MB message limit.
     */
    public static final int MAX_RECORD_BYTES = 256 * 1024;

    private static final Map<Topic<?>, Set<Class<?>>> ALLOWED =
            Map.of(
                    Topics.POSTS, Set.of(Post.class, TickEnd.class),
                    Topics.FEED_REQUESTS, Set.of(FeedRequest.class, TickEnd.class),
                    Topics.ENGAGEMENTS, Set.of(Impression.class, TickEnd.class));

    private final JobTopics topics;

    /** A decoder for the job input topics under these names. */
    public InboundDecoder(JobTopics topics) {
        this.topics = topics;
    }

    public Inbound decode(String topic, int partition, long offset, byte[] value) {
        if (value != null && value.length > MAX_RECORD_BYTES) {
            return dead(
                    topic,
                    partition,
                    offset,
                    "oversized: " + value.length + " bytes (at most " + MAX_RECORD_BYTES + ")",
                    value);
        }
        PlatformRecord record;
        try {
            record = JsonSerde.read(value);
        } catch (MalformedRecordException e) {
            return dead(topic, partition, offset, e.getMessage(), value);
        }
        Topic<?> from = topics.topicOf(topic);
        Set<Class<?>> allowed = from == null ? null : ALLOWED.get(from);
        if (allowed == null || !allowed.contains(record.getClass())) {
            return dead(
                    topic,
                    partition,
                    offset,
                    record.getClass().getSimpleName() + " is not allowed on this topic",
                    value);
        }
        String problem = RecordChecks.problem(record);
        if (problem != null) {
            return dead(topic, partition, offset, "invalid value: " + problem, value);
        }
        if (record instanceof TickEnd end && end.partition() != partition) {
            return dead(
                    topic,
                    partition,
                    offset,
                    "tick-end marker of partition "
                            + end.partition()
                            + " on partition "
                            + partition,
                    value);
        }
        return Inbound.of(record, topic, partition, offset);
    }

    private static Inbound dead(
            String topic, int partition, long offset, String error, byte[] value) {
        return Inbound.dead(DeadLetters.of(topic, partition, offset, error, value));
    }
}

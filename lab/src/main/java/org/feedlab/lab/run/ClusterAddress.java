package org.feedlab.lab.run;

import java.util.Objects;

/**
 * Where {@code feedlab run --cluster} runs the ranking job: a Kafka broker and a Flink cluster's
 * REST endpoint, local ({@code feedlab cluster start}) or remote.
 *
 * @param kafka the broker's bootstrap address, host:port
 * @param flink the JobManager's REST address, host:port
 * @param savepoints URI of the directory the job's final savepoint goes to, or null for the
 *     cluster's own {@code execution.checkpointing.savepoint-dir}
 * @param shipJobJars whether the job's classes travel with it as user jars (a cluster whose
 *     TaskManagers do not run with FeedLab's classpath); the local cluster's do
 */
public record ClusterAddress(String kafka, String flink, String savepoints, boolean shipJobJars) {
    public ClusterAddress {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(flink, "flink");
    }
}

package org.feedlab.lab.scenario;

/**
 * Shape of the streaming pipeline for a run, kept apart from the society and the ranker because it
 * must never change a run's results (only its speed).
 *
 * @param partitions Kafka partitions per topic
 * @param parallelism Flink operator parallelism
 */
public record StreamConfig(int partitions, int parallelism) {

    /** Defaults used when a scenario leaves a field out. */
    public static StreamConfig defaults() {
        return new StreamConfig(2, 1);
    }
}

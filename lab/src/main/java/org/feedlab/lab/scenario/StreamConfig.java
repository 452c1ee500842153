package org.feedlab.lab.scenario;

/**
 * Shape of the streaming pipeline for a run, kept apart from the society and the ranker because it
 * must never change a run's results (only its speed and what it publishes).
 *
 * @param partitions Kafka partitions per topic
 * @param parallelism Flink operator parallelism
 * @param auditShare share of users whose every served feed is explained on the {@code feed-audit}
 *     topic and in the run's {@code feed-audit.jsonl} (both engines; 0 = no audit)
 * @param scoringDelayMs time the stream engine's scoring operator spends on each request on top of
 *     the ranking itself: a slower ranker (a bigger model, a remote scoring service) for studies of
 *     backpressure and checkpointing; 0 = none, ignored by the direct engine
 */
public record StreamConfig(int partitions, int parallelism, double auditShare, int scoringDelayMs) {

    /** A pipeline shape without an audit. */
    public StreamConfig(int partitions, int parallelism) {
        this(partitions, parallelism, 0.0, 0);
    }

    /** Defaults used when a scenario leaves a field out. */
    public static StreamConfig defaults() {
        return new StreamConfig(2, 1, 0.0, 0);
    }

    /** The same shape at another parallelism. */
    public StreamConfig withParallelism(int newParallelism) {
        return new StreamConfig(partitions, newParallelism, auditShare, scoringDelayMs);
    }
}

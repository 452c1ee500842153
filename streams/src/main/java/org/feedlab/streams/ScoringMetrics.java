package org.feedlab.streams;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

/**
 * What the serving step reports about itself: how long serving one user's phase took (retrieval,
 * features, model, objective, policies, sort) and how many candidates it scored. Registered on the
 * scorer's Flink metric group under names a reporter exposes as they are ({@value #LATENCY},
 * {@value #CANDIDATES}); the direct engine keeps an unregistered instance.
 */
public final class ScoringMetrics {
    /** Prometheus histogram of the time to serve one user's phase, in seconds. */
    public static final String LATENCY = "feedlab_scoring_latency_seconds";

    /** Prometheus counter of candidates scored (exposed with the suffix {@code _total}). */
    public static final String CANDIDATES = "feedlab_candidates_scored";

    private final LatencyHistogram latency;
    private final Counter candidates;

    private ScoringMetrics(LatencyHistogram latency, Counter candidates) {
        this.latency = latency;
        this.candidates = candidates;
    }

    /** Metrics kept in memory only (the direct engine reads them itself). */
    public static ScoringMetrics unregistered() {
        return new ScoringMetrics(new LatencyHistogram(), new SimpleCounter());
    }

    /** Metrics registered on an operator's metric group, where the reporters see them. */
    public static ScoringMetrics register(MetricGroup group) {
        return new ScoringMetrics(
                group.histogram(LATENCY, new LatencyHistogram()),
                group.counter(CANDIDATES, new SimpleCounter()));
    }

    /** One user's phase served in {@code nanos} nanoseconds, scoring {@code scored} candidates. */
    public void served(long nanos, int scored) {
        latency.update(nanos);
        candidates.inc(scored);
    }

    public LatencyHistogram latency() {
        return latency;
    }

    public Counter candidates() {
        return candidates;
    }
}

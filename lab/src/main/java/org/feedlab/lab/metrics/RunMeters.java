package org.feedlab.lab.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.HistogramStatistics;
import org.feedlab.streams.LatencyHistogram;
import org.feedlab.streams.ScoringMetrics;

/**
 * The run's meters beside the per-tick gauges, each following Prometheus conventions: the opinion
 * distribution as a histogram observed once per user and tick ({@value #OPINION}), the time to
 * serve a user's phase as a histogram in seconds and the candidates scored as a counter (from the
 * direct engine, or from every scorer subtask of the stream job, summed), and the records the
 * pipeline dead-lettered as a counter.
 */
public final class RunMeters {
    /** Histogram of users' opinions (ideology, first axis), every user once per tick. */
    public static final String OPINION = "feedlab_opinion";

    /** Counter of records the stream job sent to the dead-letter topic. */
    public static final String DEAD_LETTERS = "feedlab_dead_lettered_records";

    /** Upper bounds of the opinion buckets: 20 bins of width 0.1 over [−1, 1]. */
    static final double[] OPINION_BOUNDS = opinionBounds();

    private final PrometheusEndpoint endpoint;
    private final Histogram opinion;
    private final List<org.apache.flink.metrics.Histogram> latencies = new CopyOnWriteArrayList<>();
    private final List<Counter> candidates = new CopyOnWriteArrayList<>();
    private final String[] tagNames;
    private final String[] tagValues;

    RunMeters(PrometheusEndpoint endpoint) {
        this.endpoint = endpoint;
        Map<String, String> tags = endpoint.commonTags();
        List<String> names = new ArrayList<>(tags.keySet());
        names.sort(null);
        tagNames = names.toArray(String[]::new);
        tagValues = names.stream().map(tags::get).toArray(String[]::new);
        List<String> opinionLabels = new ArrayList<>(names);
        opinionLabels.add("segment");
        opinion =
                Histogram.builder()
                        .name(OPINION)
                        .help(
                                "Users' opinions (ideology in [-1, 1]), every user observed once"
                                        + " per tick; the increase over a tick is that tick's"
                                        + " distribution")
                        .labelNames(opinionLabels.toArray(String[]::new))
                        .classicUpperBounds(OPINION_BOUNDS)
                        .classicOnly()
                        .withoutExemplars()
                        .register(endpoint.registry().getPrometheusRegistry());
        endpoint.registry().getPrometheusRegistry().register(new LatencyCollector());
        FunctionCounter.builder(
                        ScoringMetrics.CANDIDATES,
                        candidates,
                        list -> list.stream().mapToLong(Counter::getCount).sum())
                .description("Candidates scored by the ranker, all scorers together")
                .register(endpoint.registry());
    }

    private static double[] opinionBounds() {
        double[] bounds = new double[20];
        for (int i = 0; i < bounds.length; i++) {
            // Exact decimals (-0.9, ..., 1.0), so the le labels read as written.
            bounds[i] = (i - 9) / 10.0;
        }
        return bounds;
    }

    /** Observes every user's opinion of a segment after a tick. */
    public void observeOpinions(String segment, double[] opinions) {
        String[] values = new String[tagValues.length + 1];
        System.arraycopy(tagValues, 0, values, 0, tagValues.length);
        values[tagValues.length] = segment;
        var series = opinion.labelValues(values);
        for (double x : opinions) {
            series.observe(x);
        }
    }

    /** Adds the direct engine's scoring metrics. */
    public void addScoring(ScoringMetrics scoring) {
        addLatency(scoring.latency());
        addCandidates(scoring.candidates());
    }

    /**
     * Adds one scorer subtask's latency histogram to {@value ScoringMetrics#LATENCY}: a {@link
     * LatencyHistogram}, read through Flink's histogram API (its statistics' values are the bucket
     * counts), so one loaded by another class loader reads the same.
     */
    public void addLatency(org.apache.flink.metrics.Histogram latency) {
        latencies.add(latency);
    }

    /** Adds one scorer subtask's counter to {@value ScoringMetrics#CANDIDATES}. */
    public void addCandidates(Counter scored) {
        candidates.add(scored);
    }

    /** Forgets a scorer subtask's histogram when the subtask goes away. */
    public void removeLatency(org.apache.flink.metrics.Histogram latency) {
        latencies.remove(latency);
    }

    /** Forgets a scorer subtask's counter when the subtask goes away. */
    public void removeCandidates(Counter scored) {
        candidates.remove(scored);
    }

    /** Registers the dead-letter counter, read from {@code total} at every scrape. */
    public void deadLetters(LongSupplier total) {
        FunctionCounter.builder(DEAD_LETTERS, total, LongSupplier::getAsLong)
                .description("Records the stream job could not read and sent to dead-letters")
                .register(endpoint.registry());
    }

    /** The scoring latency of every registered scorer, summed bucket by bucket. */
    private final class LatencyCollector implements Collector {
        @Override
        public MetricSnapshot collect() {
            int n = LatencyHistogram.UPPER_BOUNDS_SECONDS.length;
            double[] bounds = new double[n + 1];
            System.arraycopy(LatencyHistogram.UPPER_BOUNDS_SECONDS, 0, bounds, 0, n);
            bounds[n] = Double.POSITIVE_INFINITY;
            long[] counts = new long[n + 1];
            double sum = 0;
            for (org.apache.flink.metrics.Histogram h : latencies) {
                HistogramStatistics stats = h.getStatistics();
                long[] c = stats.getValues();
                if (c.length != counts.length) {
                    continue; // not a LatencyHistogram
                }
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += c[i];
                }
                sum += stats.getMean() * stats.size() / 1e9;
            }
            return HistogramSnapshot.builder()
                    .name(ScoringMetrics.LATENCY)
                    .help(
                            "Time to serve one user's phase (retrieval, features, model,"
                                    + " objective, policies, sort), all scorers together")
                    .dataPoint(
                            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                                    .classicHistogramBuckets(
                                            ClassicHistogramBuckets.of(bounds, counts))
                                    .sum(sum)
                                    .labels(Labels.of(tagNames, tagValues))
                                    .build())
                    .build();
        }

        @Override
        public String getPrometheusName() {
            return ScoringMetrics.LATENCY;
        }
    }
}

package org.feedlab.lab.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.simulator.SocietyConfig;

/**
 * The runs the direction, calibration and falsification checks share: the reference population
 * (every society default, the population of docs/CALIBRATION.md) for 12 days on the direct engine,
 * under engagement ranking and under a reverse-chronological feed, five seeds for the reference
 * society and three for each variant of it. Each run is made once per JVM.
 */
final class DirectionRuns {
    static final long[] SEEDS = {1, 2, 3, 4, 5};

    /** Seeds of a variant society (a mechanism switched off): enough for a sign and a band. */
    static final long[] VARIANT_SEEDS = {1, 2, 3};

    static final int TICKS = 12;

    /** Ticks averaged over: after the first model (tick 2) has ranked a couple of days. */
    static final long FROM_TICK = 4;

    /** A society to run: a name (the cache key) and how it differs from the defaults. */
    record Variant(String name, UnaryOperator<SocietyConfig> change) {
        static final Variant REFERENCE = new Variant("reference", c -> c);
    }

    private static final String SCENARIO =
            """
            name: directions
            seed: %d
            ticks: %d
            ranker:
              objective: %s
            """;

    private static final Map<String, List<MetricRow>> RUNS = new HashMap<>();

    private DirectionRuns() {}

    static List<MetricRow> run(long seed, String objective) throws Exception {
        return run(Variant.REFERENCE, seed, objective);
    }

    static synchronized List<MetricRow> run(Variant variant, long seed, String objective)
            throws Exception {
        String key = variant.name() + "/" + objective + "/" + seed;
        List<MetricRow> rows = RUNS.get(key);
        if (rows == null) {
            Scenario s =
                    ScenarioLoader.parse(
                            SCENARIO.formatted(seed, TICKS, objective), "directions.yaml");
            try (DirectPlatform platform =
                    new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed())) {
                rows =
                        SimulationRun.run(
                                variant.change().apply(s.society()),
                                s.seed(),
                                s.ticks(),
                                platform,
                                List.of());
            }
            RUNS.put(key, rows);
        }
        return rows;
    }

    /** Per seed, engagement − chronological of a metric's mean over ticks from FROM_TICK on. */
    static EffectSize difference(String metric) throws Exception {
        return difference(Variant.REFERENCE, SEEDS, metric);
    }

    /** The same for a variant society, over {@code seeds}. */
    static EffectSize difference(Variant variant, long[] seeds, String metric) throws Exception {
        double[] d = new double[seeds.length];
        for (int k = 0; k < seeds.length; k++) {
            d[k] =
                    meanAfter(run(variant, seeds[k], "engagement"), metric)
                            - meanAfter(run(variant, seeds[k], "chronological"), metric);
        }
        return EffectSize.of(d);
    }

    /**
     * Per seed, a metric's mean over ticks from FROM_TICK on under {@code objective}, or its value
     * on the last tick for a cumulative metric.
     */
    static EffectSize level(String objective, String metric, boolean cumulative) throws Exception {
        double[] v = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            List<MetricRow> rows = run(SEEDS[k], objective);
            v[k] = cumulative ? last(rows, metric) : meanAfter(rows, metric);
        }
        return EffectSize.of(v);
    }

    static double last(List<MetricRow> rows, String metric) {
        return rows.stream()
                .filter(
                        r ->
                                r.segment().equals("all")
                                        && r.metric().equals(metric)
                                        && r.tick() == TICKS - 1)
                .mapToDouble(MetricRow::value)
                .findFirst()
                .orElseThrow();
    }

    static double meanAfter(List<MetricRow> rows, String metric) {
        return rows.stream()
                .filter(
                        r ->
                                r.segment().equals("all")
                                        && r.metric().equals(metric)
                                        && r.tick() >= FROM_TICK)
                .mapToDouble(MetricRow::value)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElseThrow();
    }
}

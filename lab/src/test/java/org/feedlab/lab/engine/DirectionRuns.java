package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.simulator.SocietyConfig;

/**
 * The runs the direction, calibration and falsification checks share: the reference population
 * (every society default, the population of docs/CALIBRATION.md) for 12 days on the direct engine,
 * under engagement ranking and under a reverse-chronological feed, eight seeds for the reference
 * society and three for each variant of it. Each run is made once per JVM, two at a time (a run is
 * single-threaded; CI has two cores).
 *
 * <p>Cost: 31 runs of about half a minute of one core each (the reference in both arms; two variant
 * societies in both arms; one engagement arm retrieving in-network only), so about eight minutes on
 * two idle cores. The population is not made smaller: with fewer than 60 creators each user's 25
 * initial creator follows cover most of them, which changes the political share and the feed supply
 * these checks measure. Eight reference seeds: the hostile-share gap over days 4–11 is about +1
 * point with a standard deviation of about 1 point between seeds (+1.2 and +2.7 in seeds 1 and 4),
 * so five seeds left its interval across 0; the variants' effects are large against their spread,
 * and three seeds suffice for them.
 */
final class DirectionRuns {
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    /** Seeds of a variant society (a mechanism switched off): enough for a sign and a band. */
    static final long[] VARIANT_SEEDS = {1, 2, 3};

    static final int TICKS = 12;

    /** Ticks averaged over: after the first model (tick 2) has ranked a couple of days. */
    static final long FROM_TICK = 4;

    /** Runs made at once: a run is single-threaded. */
    private static final int THREADS =
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /**
     * A society to run: a name (the cache key), how it differs from the defaults, and ranker keys
     * the engagement arm adds (the chronological arm retrieves followed accounts only in any case,
     * so it is shared with the variant without them).
     */
    record Variant(String name, UnaryOperator<SocietyConfig> change, String engagementRanker) {
        static final Variant REFERENCE = new Variant("reference", c -> c);

        Variant(String name, UnaryOperator<SocietyConfig> change) {
            this(name, change, "");
        }

        /**
         * The same society with an engagement arm that retrieves no out-of-network posts: both arms
         * then rank the same supply, the posts of followed accounts.
         */
        Variant inNetworkOnly() {
            return new Variant(name, change, "  popular_candidates: 0\n");
        }

        String key(String objective, long seed) {
            String ranker = objective.equals("engagement") ? engagementRanker.strip() : "";
            return name + "/" + objective + "/" + ranker + "/" + seed;
        }
    }

    private static final String SCENARIO =
            """
            name: directions
            seed: %d
            ticks: %d
            ranker:
              objective: %s
            %s""";

    private static final Map<String, Future<List<MetricRow>>> RUNS = new HashMap<>();

    private static final ExecutorService POOL =
            Executors.newFixedThreadPool(
                    THREADS,
                    r -> {
                        Thread t = new Thread(r, "direction-run");
                        t.setDaemon(true);
                        return t;
                    });

    private DirectionRuns() {}

    /** Starts a run unless it was started before; the run's metric rows when it is done. */
    private static synchronized Future<List<MetricRow>> submit(
            Variant variant, long seed, String objective) {
        return RUNS.computeIfAbsent(
                variant.key(objective, seed),
                k -> POOL.submit(() -> simulate(variant, seed, objective)));
    }

    private static List<MetricRow> simulate(Variant variant, long seed, String objective)
            throws Exception {
        String ranker = objective.equals("engagement") ? variant.engagementRanker() : "";
        Scenario s =
                ScenarioLoader.parse(
                        SCENARIO.formatted(seed, TICKS, objective, ranker), "directions.yaml");
        try (DirectPlatform platform =
                new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed())) {
            return SimulationRun.run(
                    variant.change().apply(s.society()), s.seed(), s.ticks(), platform, List.of());
        }
    }

    private static List<MetricRow> get(Future<List<MetricRow>> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** Per seed, engagement − chronological of a metric's mean over ticks from FROM_TICK on. */
    static EffectSize difference(String metric) throws Exception {
        return difference(Variant.REFERENCE, SEEDS, metric);
    }

    /** The same for a variant society, over {@code seeds}. */
    static EffectSize difference(Variant variant, long[] seeds, String metric) throws Exception {
        List<Future<List<MetricRow>>> engagement = new ArrayList<>();
        List<Future<List<MetricRow>>> chronological = new ArrayList<>();
        for (long seed : seeds) {
            engagement.add(submit(variant, seed, "engagement"));
            chronological.add(submit(variant, seed, "chronological"));
        }
        double[] d = new double[seeds.length];
        for (int k = 0; k < seeds.length; k++) {
            d[k] =
                    meanAfter(get(engagement.get(k)), metric)
                            - meanAfter(get(chronological.get(k)), metric);
        }
        return EffectSize.of(d);
    }

    /**
     * Per seed, a metric's mean over ticks from FROM_TICK on in the reference society under {@code
     * objective}, or its value on the last tick for a cumulative metric.
     */
    static EffectSize level(String objective, String metric, boolean cumulative) throws Exception {
        return level(Variant.REFERENCE, objective, metric, cumulative);
    }

    /** The same for a variant society. */
    static EffectSize level(Variant variant, String objective, String metric, boolean cumulative)
            throws Exception {
        List<Future<List<MetricRow>>> runs = new ArrayList<>();
        for (long seed : SEEDS) {
            runs.add(submit(variant, seed, objective));
        }
        double[] v = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            List<MetricRow> rows = get(runs.get(k));
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

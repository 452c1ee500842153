package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Direction checks over five seeds on a small society (direct engine): engagement ranking against a
 * reverse-chronological feed serves more outrage, leaves the out-group colder, and keeps users
 * longer, in seconds per session and in items read per user (Guess et al. 2023: the chronological
 * feed cut time spent and activity). Each check asserts that the 95 % t-interval of the paired
 * per-seed difference lies on the expected side of zero, and prints the effect sizes.
 */
class DirectionChecksTest {
    static final String SCENARIO =
            """
            name: directions
            seed: %d
            ticks: %d
            society:
              users: %d
              creators: 60
            ranker:
              objective: %s
            """;

    static final long[] SEEDS = {1, 2, 3, 4, 5};

    static final int USERS = 400;

    @Test
    void engagementVersusChronological() throws Exception {
        double[] outrage = new double[SEEDS.length];
        double[] thermometer = new double[SEEDS.length];
        double[] timeSpent = new double[SEEDS.length];
        double[] items = new double[SEEDS.length];
        double[] itemsPerUser = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            List<MetricRow> e = run(SEEDS[k], "engagement", 10, USERS);
            List<MetricRow> c = run(SEEDS[k], "chronological", 10, USERS);
            outrage[k] =
                    meanAfter(e, "outrage_exposure_share", 2)
                            - meanAfter(c, "outrage_exposure_share", 2);
            thermometer[k] =
                    last(e, "thermometer_outgroup_mean") - last(c, "thermometer_outgroup_mean");
            timeSpent[k] =
                    meanAfter(e, "time_spent_per_session", 2)
                            - meanAfter(c, "time_spent_per_session", 2);
            items[k] = itemsPerSession(e, 2) - itemsPerSession(c, 2);
            itemsPerUser[k] = itemsPerUserPerTick(e, 2, USERS) - itemsPerUserPerTick(c, 2, USERS);
        }
        EffectSize o = EffectSize.of(outrage);
        EffectSize t = EffectSize.of(thermometer);
        EffectSize s = EffectSize.of(timeSpent);
        EffectSize i = EffectSize.of(items);
        EffectSize u = EffectSize.of(itemsPerUser);
        System.out.println("engagement − chronological, outrage exposure share: " + o);
        System.out.println("engagement − chronological, final out-group thermometer: " + t);
        System.out.println("engagement − chronological, seconds per session: " + s);
        System.out.println("engagement − chronological, items per session: " + i);
        System.out.println("engagement − chronological, items read per user per tick: " + u);
        assertTrue(o.low() > 0, "outrage exposure " + o);
        assertTrue(t.high() < 0, "out-group thermometer " + t);
        assertTrue(s.low() > 0, "time spent per session " + s);
        assertTrue(u.low() > 0, "items read per user per tick " + u);
    }

    static List<MetricRow> run(long seed, String objective, int ticks, int users) throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        SCENARIO.formatted(seed, ticks, users, objective), "directions.yaml");
        try (DirectPlatform platform =
                new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed())) {
            return SimulationRun.run(s.society(), s.seed(), s.ticks(), platform, List.of());
        }
    }

    static double meanAfter(List<MetricRow> rows, String metric, long fromTick) {
        return rows.stream()
                .filter(
                        r ->
                                r.segment().equals("all")
                                        && r.metric().equals(metric)
                                        && r.tick() >= fromTick)
                .mapToDouble(MetricRow::value)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElseThrow();
    }

    static double last(List<MetricRow> rows, String metric) {
        long lastTick = rows.stream().mapToLong(MetricRow::tick).max().orElseThrow();
        return rows.stream()
                .filter(
                        r ->
                                r.segment().equals("all")
                                        && r.metric().equals(metric)
                                        && r.tick() == lastTick)
                .mapToDouble(MetricRow::value)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Items read per user of the population per tick from {@code fromTick} on: users who did not
     * open the app, or churned, count with zero items (Guess et al. 2023 measure time per
     * participant, not per session).
     */
    static double itemsPerUserPerTick(List<MetricRow> rows, long fromTick, int users) {
        double items = 0;
        long ticks = 0;
        for (MetricRow r : rows) {
            if (r.segment().equals("all")
                    && r.tick() >= fromTick
                    && r.metric().equals("items_read")) {
                items += r.value();
                ticks++;
            }
        }
        return items / users / ticks;
    }

    static double itemsPerSession(List<MetricRow> rows, long fromTick) {
        double items = 0;
        double sessions = 0;
        for (MetricRow r : rows) {
            if (r.segment().equals("all") && r.tick() >= fromTick) {
                if (r.metric().equals("items_read")) {
                    items += r.value();
                } else if (r.metric().equals("sessions")) {
                    sessions += r.value();
                }
            }
        }
        return items / sessions;
    }
}

package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "The feed learns that outrage pays": on the same seed, an engagement-ranked feed ends with a
 * higher outrage exposure share than a reverse-chronological one. Runs on the direct engine, which
 * ClosedLoopIT shows gives the same bytes as the stream engine.
 */
class OutrageDirectionTest {
    static final String SCENARIO =
            """
            name: direction
            seed: %d
            ticks: 12
            society:
              users: 600
              creators: 60
            ranker:
              objective: %s
            """;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void engagementRankingServesMoreOutrageThanChronological(long seed) throws Exception {
        double engagement = finalOutrageShare(seed, "engagement");
        double chronological = finalOutrageShare(seed, "chronological");
        assertTrue(
                engagement > chronological + 0.05,
                "seed "
                        + seed
                        + ": engagement "
                        + engagement
                        + " vs chronological "
                        + chronological);
    }

    static double finalOutrageShare(long seed, String objective) throws Exception {
        Scenario s = ScenarioLoader.parse(SCENARIO.formatted(seed, objective), "direction.yaml");
        List<MetricRow> rows;
        try (DirectPlatform platform =
                new DirectPlatform(s.ranker(), s.society().population().topics(), s.seed())) {
            rows = SimulationRun.run(s.society(), s.seed(), s.ticks(), platform, List.of());
        }
        return rows.stream()
                .filter(
                        r ->
                                r.tick() == s.ticks() - 1
                                        && r.segment().equals("all")
                                        && r.metric().equals("outrage_exposure_share"))
                .mapToDouble(MetricRow::value)
                .findFirst()
                .orElseThrow();
    }
}

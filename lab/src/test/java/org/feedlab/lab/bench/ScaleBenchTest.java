package org.feedlab.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.simulator.SocietyConfig;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@code feedlab bench scale} on fixed results; nothing is timed. */
class ScaleBenchTest {
    private static final HeapWatch.Figures HEAP =
            new HeapWatch.Figures(4_900_000_000L, 1_250_000_000L, 37, 12_884_901_888L);

    /** 100,000 users, ticks of 8, 4 and 6 s, of which 2, 1 and 1.5 s in the platform. */
    private static ScaleBench.Result result() {
        return new ScaleBench.Result(
                100_000,
                10_000,
                2,
                3.5,
                new double[] {8.0, 4.0, 6.0},
                new double[] {2.0, 1.0, 1.5},
                30.0,
                12,
                HEAP);
    }

    @Test
    void userStepsPerSecondAreUsersTimesTicksOverTheirWallTime() {
        ScaleBench.Result r = result();
        // 100,000 × 3 / (8 + 4 + 6) s
        assertEquals(16_666.666666666668, r.userStepsPerSecond(), 1e-9);
        // 100,000 × 2 / (4 + 6) s
        assertEquals(20_000.0, r.userStepsPerSecondAfterFirst(), 1e-9);
        // (2 + 1 + 1.5) / (8 + 4 + 6)
        assertEquals(0.25, r.platformShare(), 1e-12);
        // 100,000 × 3 / 30 CPU-seconds
        assertEquals(10_000.0, r.userStepsPerCpuSecond(), 1e-9);
    }

    @Test
    void oneTickHasNoRateAfterTheFirst() {
        ScaleBench.Result r =
                new ScaleBench.Result(
                        10_000,
                        1_000,
                        1,
                        0.2,
                        new double[] {0.5},
                        new double[] {0.1},
                        0.4,
                        0,
                        HEAP);
        assertEquals(20_000.0, r.userStepsPerSecond(), 1e-9);
        assertTrue(Double.isNaN(r.userStepsPerSecondAfterFirst()));
        assertTrue(r.line().contains("20,000 user-steps/s over all ticks, n/a after the first"));
        assertEquals(
                "scale: 10000 users 20000 user-steps/s",
                ScaleBench.lastLine(List.of(r), List.of()));
    }

    @Test
    void theLinesStateEveryFigure() {
        assertEquals(
                "100,000 users (10,000 creators), 2 threads: setup 3.50 s; ticks 8.00 4.00 6.00 s;"
                        + " 16,667 user-steps/s over all ticks, 20,000 after the first; CPU 30.0 s"
                        + " (all threads), 10,000 user-steps per CPU-second; platform 25 % of tick"
                        + " time; heap in use at most 4.9 GB, at most 1.3 GB right after a"
                        + " collection (37 collections, limit 12.9 GB); 12 days read again",
                result().line());
        assertEquals(
                "scale: 100000 users 20000 user-steps/s, 1000000 users did not fit in the heap",
                ScaleBench.lastLine(List.of(result()), List.of(1_000_000)));
    }

    @Test
    void creatorsKeepTheScenariosProportion() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: s\nseed: 1\nticks: 2\nsociety: {users: 600, creators: 60}\n", "s");
        SocietyConfig.Population p = ScaleBench.sized(s, 1_000_000).society().population();
        assertEquals(1_000_000, p.users());
        assertEquals(100_000, p.creators());
        // 25 × 60 / 600 = 2.5, rounded half up; never fewer than one creator
        assertEquals(3, ScaleBench.sized(s, 25).society().population().creators());
        assertEquals(1, ScaleBench.sized(s, 2).society().population().creators());
    }
}

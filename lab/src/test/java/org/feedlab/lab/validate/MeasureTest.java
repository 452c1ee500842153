package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.feedlab.lab.run.MetricRow;
import org.junit.jupiter.api.Test;

class MeasureTest {

    private static final Measure.Group TREATED = new Measure.Group("t", "all");
    private static final Measure.Group CONTROL = new Measure.Group("c", "all");

    /** Ticks 0–4 of metric m = 10·tick + offset, and of m_sd = 2, for segments all and young. */
    private static List<MetricRow> run(double offset) {
        List<MetricRow> rows = new java.util.ArrayList<>();
        for (long tick = 0; tick < 5; tick++) {
            rows.add(new MetricRow(tick, "m", "all", 10 * tick + offset));
            rows.add(new MetricRow(tick, "m", "young", 100 + offset));
            rows.add(new MetricRow(tick, "m_sd", "all", 2 + tick));
            rows.add(new MetricRow(tick, "other", "all", -1));
        }
        return rows;
    }

    @Test
    void theWindowMeanReadsOnlyItsTicksSegmentAndMetric() {
        Measure m = new Measure("m", Statistic.DIFFERENCE, TREATED, CONTROL, 1, 3, null);
        // ticks 1..3 of 10·tick + 5: 15, 25, 35
        assertEquals(25.0, m.windowMean(run(5), "m", "all"), 1e-12);
        assertEquals(105.0, m.windowMean(run(5), "m", "young"), 1e-12);
        assertTrue(Double.isNaN(m.windowMean(run(5), "m", "adult")));
        assertTrue(Double.isNaN(m.windowMean(null, "m", "all")));
    }

    @Test
    void nonFiniteValuesAreSkipped() {
        Measure m = new Measure("m", Statistic.DIFFERENCE, TREATED, CONTROL, 0, 1, null);
        List<MetricRow> rows =
                List.of(new MetricRow(0, "m", "all", Double.NaN), new MetricRow(1, "m", "all", 4));
        assertEquals(4.0, m.windowMean(rows, "m", "all"), 1e-12);
    }

    @Test
    void estimatesCompareTheTwoGroupsOverTheWindow() {
        Map<String, List<MetricRow>> runs = Map.of("t", run(8), "c", run(2));
        assertEquals(
                6.0,
                new Measure("m", Statistic.DIFFERENCE, TREATED, CONTROL, 1, 3, null).estimate(runs),
                1e-12);
        // treated 28, control 22 over ticks 1..3; control SD mean (3 + 4 + 5) / 3 = 4
        assertEquals(
                1.5,
                new Measure("m", Statistic.SD_UNITS, TREATED, CONTROL, 1, 3, "m_sd").estimate(runs),
                1e-12);
        assertEquals(
                100.0 * (28.0 / 22.0 - 1),
                new Measure("m", Statistic.PERCENT_CHANGE, TREATED, CONTROL, 1, 3, null)
                        .estimate(runs),
                1e-12);
        assertEquals(
                28.0,
                new Measure("m", Statistic.VALUE, TREATED, TREATED, 1, 3, null).estimate(runs),
                1e-12);
    }

    @Test
    void segmentsOfOneArmCanBeCompared() {
        Measure m =
                new Measure(
                        "m",
                        Statistic.DIFFERENCE,
                        new Measure.Group("t", "young"),
                        new Measure.Group("t", "all"),
                        4,
                        4,
                        null);
        assertEquals(108.0 - 48.0, m.estimate(Map.of("t", run(8))), 1e-12);
        assertEquals("tick 4", m.window());
    }
}

package org.feedlab.simulator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two ways reporters are made: one named metric, and population-only supply metrics. */
class ReporterTest {

    /** A view holding nothing but its name and tick: enough for reporters that read only these. */
    private static SegmentView view(String name) {
        return new SegmentView(
                name,
                0,
                7,
                1,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                null,
                null,
                new int[0],
                List.of());
    }

    private static Map<String, Double> report(Reporter reporter, String segment) {
        Map<String, Double> out = new LinkedHashMap<>();
        reporter.report(view(segment), out::put);
        return out;
    }

    @Test
    void aReporterOfOneMetricWritesItsNameAndValue() {
        Reporter tick = Reporter.of("tick_twice", s -> 2.0 * s.tick());
        assertEquals(Map.of("tick_twice", 14.0), report(tick, TickMetrics.POPULATION));
        assertEquals(Map.of("tick_twice", 14.0), report(tick, "young"));
    }

    @Test
    void aPopulationOnlyReporterWritesNothingForASegment() {
        Reporter supply = Reporter.populationOnly(Reporter.of("new_posts", s -> 3.0));
        assertEquals(Map.of("new_posts", 3.0), report(supply, TickMetrics.POPULATION));
        assertEquals(Map.of(), report(supply, "young"));
    }
}

package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.User;

/**
 * The collector of a tick (Mesa's DataCollector): builds one {@link SegmentView} per segment, the
 * whole population first, and runs the run's reporters over it in list order. Formulas and sources
 * are in docs/METRICS.md.
 */
public final class TickMetrics {
    /** The segment name of the whole population. */
    public static final String POPULATION = "all";

    /** Segments reported, in row order. */
    public static final List<String> SEGMENTS = List.of(POPULATION, User.ADULT, User.YOUNG);

    private TickMetrics() {}

    /**
     * The metric rows of one tick, in a fixed order: every reporter for "all", then for each
     * segment.
     */
    public static List<Measurement> measure(
            Society society, TickReadout readout, List<Reporter> reporters) {
        List<Measurement> rows = new ArrayList<>();
        for (int g = 0; g < SEGMENTS.size(); g++) {
            SegmentView segment = SegmentView.of(society, readout, g);
            Reporter.Out out =
                    (metric, value) -> rows.add(new Measurement(metric, segment.name(), value));
            for (Reporter reporter : reporters) {
                reporter.report(segment, out);
            }
        }
        return rows;
    }
}

package org.feedlab.simulator.metrics;

import java.util.function.ToDoubleFunction;

/**
 * One or a few named metrics computed over a {@link SegmentView}, in the spirit of Mesa's model
 * reporters: agents act, reporters measure the population afterwards. A run's reporter list fixes
 * the order of the rows in metrics.csv.
 *
 * <p>A reporter is a pure function of its view: it keeps no state between calls and changes nothing
 * it reads, and any draw comes from the view's (seed, segment index, tick). {@link
 * TickMetrics#measure(org.feedlab.simulator.Society, org.feedlab.simulator.TickReadout,
 * java.util.List, java.util.List, org.feedlab.simulator.Workers)} runs the segments at once on
 * several threads.
 */
@FunctionalInterface
public interface Reporter {

    /** Writes this reporter's metrics for one segment to {@code out}, in a fixed order. */
    void report(SegmentView segment, Out out);

    /** Where a reporter writes its values. */
    @FunctionalInterface
    interface Out {
        void add(String metric, double value);
    }

    /** A reporter of one metric. */
    static Reporter of(String metric, ToDoubleFunction<SegmentView> value) {
        return (segment, out) -> out.add(metric, value.applyAsDouble(segment));
    }

    /**
     * {@code reporter} for the whole population only: supply-side metrics (creators, new posts)
     * have no segment of users.
     */
    static Reporter populationOnly(Reporter reporter) {
        return (segment, out) -> {
            if (segment.isPopulation()) {
                reporter.report(segment, out);
            }
        };
    }
}

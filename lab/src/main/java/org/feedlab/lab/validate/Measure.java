package org.feedlab.lab.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.MetricRow;

/**
 * What a finding measures in FeedLab's runs: a metric of metrics.csv, averaged over a window of
 * ticks for a treated and a control group, turned into the study's statistic per seed.
 *
 * <p>A group is an arm of the design and a segment of that arm's metrics (segment "all" is the
 * whole population). Comparing two arms with the same seed compares the same society under two
 * platforms (a whole-platform counterfactual, spill-overs included); comparing two segments of one
 * arm compares treated and untreated users of the same platform, as a field experiment does.
 *
 * @param metric the metric's name in metrics.csv
 * @param statistic what to compute from the two groups' means
 * @param treatment the treated group
 * @param control the control group (ignored by {@link Statistic#VALUE})
 * @param fromTick first tick of the window (inclusive)
 * @param toTick last tick of the window (inclusive)
 * @param sdMetric the metric holding the control group's SD across users ({@link
 *     Statistic#SD_UNITS} only; otherwise null)
 */
public record Measure(
        String metric,
        Statistic statistic,
        Group treatment,
        Group control,
        long fromTick,
        long toTick,
        String sdMetric) {

    /**
     * One group of a comparison.
     *
     * @param arm the design's arm
     * @param segment the segment of metrics.csv
     */
    public record Group(String arm, String segment) {
        @Override
        public String toString() {
            return segment.equals("all") ? arm : arm + " (" + segment + ")";
        }
    }

    /**
     * The statistic of one seed from its runs' rows, keyed by arm; NaN when a group has no finite
     * value inside the window.
     */
    public double estimate(Map<String, List<MetricRow>> runsByArm) {
        double t = windowMean(runsByArm.get(treatment.arm()), metric, treatment.segment());
        if (!statistic.needsControl()) {
            return t;
        }
        List<MetricRow> controlRows = runsByArm.get(control.arm());
        double c = windowMean(controlRows, metric, control.segment());
        double sd =
                statistic == Statistic.SD_UNITS
                        ? windowMean(controlRows, sdMetric, control.segment())
                        : Double.NaN;
        return statistic.of(t, c, sd);
    }

    /** The mean of a metric's finite values over the window, for one segment of one run. */
    double windowMean(List<MetricRow> rows, String name, String segment) {
        if (rows == null) {
            return Double.NaN;
        }
        TreeMap<Long, Double> series = new TreeMap<>();
        for (MetricRow r : rows) {
            if (r.metric().equals(name)
                    && r.segment().equals(segment)
                    && r.tick() >= fromTick
                    && r.tick() <= toTick
                    && Double.isFinite(r.value())) {
                series.put(r.tick(), r.value());
            }
        }
        return series.isEmpty()
                ? Double.NaN
                : series.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The window in words. */
    public String window() {
        return fromTick == toTick ? "tick " + fromTick : "ticks " + fromTick + "–" + toTick;
    }
}

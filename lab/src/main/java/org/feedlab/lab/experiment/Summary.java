package org.feedlab.lab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.MetricRow;

/**
 * Each arm's mean with a 95 % t-interval over seeds, and its paired difference from the baseline
 * arm: runs with the same seed share the society, so differences are paired by seed.
 */
public final class Summary {
    private Summary() {}

    /**
     * @param results rows of each run, keyed by arm then seed
     */
    public static List<SummaryRow> summarise(
            ExperimentSpec spec, Map<String, Map<Long, List<MetricRow>>> results) {
        List<SummaryRow> out = new ArrayList<>();
        for (String metric : spec.metrics()) {
            Map<Long, Double> base =
                    perSeed(results.get(spec.baseline()), metric, spec.lastTicks());
            for (Arm arm : spec.arms()) {
                Map<Long, Double> values =
                        perSeed(results.get(arm.name()), metric, spec.lastTicks());
                List<Double> xs = new ArrayList<>();
                List<Double> diffs = new ArrayList<>();
                for (long seed : spec.seeds()) {
                    Double v = values.get(seed);
                    Double b = base.get(seed);
                    if (v != null && Double.isFinite(v)) {
                        xs.add(v);
                        if (b != null && Double.isFinite(b)) {
                            diffs.add(v - b);
                        }
                    }
                }
                double[] m = meanAndHalfWidth(xs);
                double[] d = meanAndHalfWidth(diffs);
                out.add(
                        new SummaryRow(
                                metric,
                                arm.name(),
                                xs.size(),
                                m[0],
                                m[0] - m[1],
                                m[0] + m[1],
                                d[0],
                                d[0] - d[1],
                                d[0] + d[1]));
            }
        }
        return out;
    }

    /** A run's value: the mean over its last k ticks of the metric for segment "all". */
    static Map<Long, Double> perSeed(
            Map<Long, List<MetricRow>> bySeed, String metric, int lastTicks) {
        Map<Long, Double> out = new TreeMap<>();
        if (bySeed == null) {
            return out;
        }
        for (Map.Entry<Long, List<MetricRow>> run : bySeed.entrySet()) {
            out.put(run.getKey(), meanOfLast(series(run.getValue(), metric), lastTicks));
        }
        return out;
    }

    /** One run's population ("all" segment) value of a metric at each tick; empty for null. */
    static TreeMap<Long, Double> series(List<MetricRow> rows, String metric) {
        TreeMap<Long, Double> out = new TreeMap<>();
        if (rows != null) {
            for (MetricRow r : rows) {
                if (r.metric().equals(metric) && r.segment().equals("all")) {
                    out.put(r.tick(), r.value());
                }
            }
        }
        return out;
    }

    /** Mean and half-width of the 95 % t-interval (NaN half-width for fewer than two values). */
    public static double[] meanAndHalfWidth(List<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new double[] {mean, StudentT.q975(n - 1) * sd / Math.sqrt(n)};
    }

    /** The mean of the finite values over the last {@code k} ticks of a series; NaN if none. */
    static double meanOfLast(TreeMap<Long, Double> series, int k) {
        double sum = 0;
        int n = 0;
        for (double v : series.descendingMap().values().stream().limit(k).toList()) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

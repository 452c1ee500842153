package org.feedlab.lab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.MetricRow;

/**
 * How much of a loss an arm recovers after a treatment that starts at one tick (telemetry taken
 * away at {@code tick}), against a control arm run with the same seeds. For a metric m, seed s and
 * tick t, with c and w the control's and the treated arm's population values:
 *
 * <pre>
 * gap_s(t)    = c_s(t) − w_s(t)                        the loss at tick t
 * first_s     = gap_s(T)                               the loss at the first tick treated
 * end_s       = mean of gap_s(t) over the run's last k ticks   (k = end_ticks)
 * recovered_s = 1 − end_s / first_s                    (seeds with first_s = 0 left out)
 * </pre>
 *
 * Each is reported as its mean over seeds with a 95 % t-interval ({@link
 * Summary#meanAndHalfWidth}); the pairing is by seed, since both arms of a seed share the society.
 * docs/METRICS.md states the same.
 *
 * @param tick T, the first tick the treatment applies
 * @param endTicks k, the last ticks the end loss averages
 * @param metrics the metrics compared
 * @param pairs treated arm and control arm, in file order
 */
public record LossRecovery(int tick, int endTicks, List<String> metrics, List<Pair> pairs) {

    /** A treated arm and its control. */
    public record Pair(String treated, String control) {}

    /** The quantities of one metric and pair: {@code gap} per tick, then the three summaries. */
    public static final List<String> QUANTITIES = List.of("first", "end", "recovered");

    /**
     * One reported value: a quantity of a metric for a pair, its mean over n seeds and 95 %
     * interval.
     *
     * @param tick the tick of a {@code gap}, −1 for the summaries
     */
    public record Row(
            String metric,
            String pair,
            String quantity,
            long tick,
            int n,
            double mean,
            double ciLow,
            double ciHigh) {}

    public LossRecovery {
        metrics = List.copyOf(metrics);
        pairs = List.copyOf(pairs);
    }

    /** The share of the first loss recovered by the end: 1 − end / first (NaN when first is 0). */
    public static double recovered(double first, double end) {
        return first == 0.0 || !Double.isFinite(first) || !Double.isFinite(end)
                ? Double.NaN
                : 1.0 - end / first;
    }

    /** The end loss: the mean of the finite gaps over the last k ticks of the series. */
    static double endLoss(TreeMap<Long, Double> gaps, int k) {
        return Summary.meanOfLast(gaps, k);
    }

    /** control − treated at each tick both have (population values), for one seed. */
    static TreeMap<Long, Double> gaps(
            List<MetricRow> control, List<MetricRow> treated, String metric) {
        TreeMap<Long, Double> c = Summary.series(control, metric);
        TreeMap<Long, Double> w = Summary.series(treated, metric);
        TreeMap<Long, Double> out = new TreeMap<>();
        for (Map.Entry<Long, Double> e : c.entrySet()) {
            Double v = w.get(e.getKey());
            if (v != null) {
                out.put(e.getKey(), e.getValue() - v);
            }
        }
        return out;
    }

    /**
     * Every row for the given runs (arm → seed → rows): per metric and pair, the gap at each tick,
     * then first, end and recovered.
     */
    public List<Row> rows(Map<String, Map<Long, List<MetricRow>>> runs, List<Long> seeds) {
        List<Row> out = new ArrayList<>();
        for (String metric : metrics) {
            for (Pair p : pairs) {
                Map<Long, List<MetricRow>> control = runs.getOrDefault(p.control(), Map.of());
                Map<Long, List<MetricRow>> treated = runs.getOrDefault(p.treated(), Map.of());
                TreeMap<Long, List<Double>> byTick = new TreeMap<>();
                List<Double> first = new ArrayList<>();
                List<Double> end = new ArrayList<>();
                List<Double> recovered = new ArrayList<>();
                for (long seed : seeds) {
                    if (!control.containsKey(seed) || !treated.containsKey(seed)) {
                        continue;
                    }
                    TreeMap<Long, Double> g = gaps(control.get(seed), treated.get(seed), metric);
                    g.forEach(
                            (t, v) -> {
                                if (Double.isFinite(v)) {
                                    byTick.computeIfAbsent(t, k -> new ArrayList<>()).add(v);
                                }
                            });
                    double f = g.getOrDefault((long) tick, Double.NaN);
                    double e = endLoss(g, endTicks);
                    add(first, f);
                    add(end, e);
                    add(recovered, recovered(f, e));
                }
                byTick.forEach((t, xs) -> out.add(row(metric, p.treated(), "gap", t, xs)));
                out.add(row(metric, p.treated(), "first", -1, first));
                out.add(row(metric, p.treated(), "end", -1, end));
                out.add(row(metric, p.treated(), "recovered", -1, recovered));
            }
        }
        return out;
    }

    private static void add(List<Double> xs, double v) {
        if (Double.isFinite(v)) {
            xs.add(v);
        }
    }

    private static Row row(
            String metric, String pair, String quantity, long tick, List<Double> xs) {
        double[] m = Summary.meanAndHalfWidth(xs);
        return new Row(metric, pair, quantity, tick, xs.size(), m[0], m[0] - m[1], m[0] + m[1]);
    }
}

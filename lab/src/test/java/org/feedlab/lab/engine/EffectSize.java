package org.feedlab.lab.engine;

import java.util.Locale;

/**
 * Mean paired difference over seeds with a 95 % t-interval (Student 1908): d̄ ± t_{0.975, n−1} · s
 * / √n, where s is the sample standard deviation of the per-seed differences.
 *
 * @param mean mean difference
 * @param low lower bound of the 95 % interval
 * @param high upper bound of the 95 % interval
 * @param n number of seeds
 */
record EffectSize(double mean, double low, double high, int n) {
    /** t_{0.975, df} for df = 1..30 (standard tables). */
    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042
    };

    static EffectSize of(double[] differences) {
        int n = differences.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least two seeds, got " + n);
        }
        double mean = 0;
        for (double d : differences) {
            mean += d;
        }
        mean /= n;
        double ss = 0;
        for (double d : differences) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        double half = t * sd / Math.sqrt(n);
        return new EffectSize(mean, mean - half, mean + half, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f [95%% CI %.4f, %.4f] (n=%d)", mean, low, high, n);
    }
}

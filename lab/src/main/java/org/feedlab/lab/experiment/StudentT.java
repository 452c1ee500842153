package org.feedlab.lab.experiment;

/** Two-sided 95 % quantiles of Student's t, for confidence intervals over a handful of seeds. */
public final class StudentT {
    /** t(0.975, df) for df = 1 … 30 (standard tables). */
    private static final double[] Q975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042
    };

    private StudentT() {}

    /** t(0.975, df); beyond 30 degrees of freedom 1.96 + 2.5/df, within 0.002 of the table. */
    public static double q975(int df) {
        if (df < 1) {
            return Double.NaN;
        }
        return df <= Q975.length ? Q975[df - 1] : 1.96 + 2.5 / df;
    }
}

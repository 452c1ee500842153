package org.feedlab.lab.experiment;

/**
 * One metric of one arm, summarised over seeds.
 *
 * @param metric metric name
 * @param arm arm name
 * @param n seeds with a value
 * @param mean mean over seeds of the per-run value (mean over the run's last ticks)
 * @param ciLow lower end of the 95 % t-interval of the mean
 * @param ciHigh upper end
 * @param diff mean paired difference from the baseline arm (same seed), 0 for the baseline
 * @param diffLow lower end of the 95 % t-interval of the paired difference
 * @param diffHigh upper end
 */
public record SummaryRow(
        String metric,
        String arm,
        int n,
        double mean,
        double ciLow,
        double ciHigh,
        double diff,
        double diffLow,
        double diffHigh) {}

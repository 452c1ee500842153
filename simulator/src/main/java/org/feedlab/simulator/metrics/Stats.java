package org.feedlab.simulator.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The metric formulas the lab reports, as pure static functions with their sources, so every
 * reported number can be traced to one checked equation.
 *
 * <p>Conventions: statistics of a sample (mean, variance, bimodality, Esteban–Ray, Gini) are {@code
 * NaN} when the sample is empty, because they are undefined rather than zero; diversity of a count
 * vector (entropy, Gini–Simpson) is 0 when there is nothing to count. Arguments that would make a
 * formula meaningless (negative counts, mismatched lengths) are rejected with {@link
 * IllegalArgumentException}.
 */
public final class Stats {

    private Stats() {}

    /**
     * Arithmetic mean x̄ = (1/N) Σ x_i.
     *
     * @return the mean, or {@code NaN} when {@code x} is empty
     */
    public static double mean(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /**
     * Population variance σ² = (1/N) Σ (x_i − x̄)², the opinion-variance polarization measure
     * (DiMaggio, Evans and Bryson 1996, "Have Americans' social attitudes become more polarized?").
     * Divides by N, not N − 1: the simulated population is the whole population, not a sample of
     * it.
     *
     * @return the variance, or {@code NaN} when {@code x} is empty
     */
    public static double variance(double[] x) {
        double m = mean(x);
        if (Double.isNaN(m)) {
            return Double.NaN;
        }
        // Two passes (mean first, then squared deviations) to avoid the cancellation of
        // E[x²] − E[x]² when the values cluster far from zero.
        return centralMoment(x, m, 2);
    }

    /**
     * Sarle's bimodality coefficient (SAS Institute 1990, SAS/STAT User's Guide, PROC CLUSTER;
     * Pfister et al. 2013, Frontiers in Psychology 4:700):
     *
     * <pre>
     *   BC = (G1² + 1) / (G2 + 3(n−1)² / ((n−2)(n−3)))
     * </pre>
     *
     * with the bias-corrected sample skewness and sample excess kurtosis, built from the population
     * central moments m_r = (1/n) Σ (x_i − x̄)^r:
     *
     * <pre>
     *   g1 = m3 / m2^(3/2)             G1 = g1 · √(n(n−1)) / (n−2)
     *   g2 = m4 / m2² − 3              G2 = (n−1) / ((n−2)(n−3)) · ((n+1) g2 + 6)
     * </pre>
     *
     * The uniform distribution gives 5/9; values above 5/9 suggest bimodality.
     *
     * @return BC, or {@code NaN} when n &lt; 4 (the corrections divide by n−2 and n−3) or the
     *     variance is 0 (skewness and kurtosis are undefined)
     */
    public static double bimodalityCoefficient(double[] x) {
        Objects.requireNonNull(x, "x");
        int n = x.length;
        if (n < 4) {
            return Double.NaN;
        }
        double m = mean(x);
        double m2 = centralMoment(x, m, 2);
        if (m2 == 0.0) {
            return Double.NaN;
        }
        double m3 = centralMoment(x, m, 3);
        double m4 = centralMoment(x, m, 4);
        double g1 = m3 / Math.pow(m2, 1.5);
        double g2 = m4 / (m2 * m2) - 3.0;
        double skew = g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
        double kurt = (double) (n - 1) / ((double) (n - 2) * (n - 3)) * ((n + 1) * g2 + 6.0);
        double correction = 3.0 * (n - 1) * (n - 1) / ((double) (n - 2) * (n - 3));
        return (skew * skew + 1.0) / (kurt + correction);
    }

    /**
     * Esteban–Ray polarization (Esteban and Ray 1994, "On the measurement of polarization",
     * Econometrica 62(4):819–851):
     *
     * <pre>
     *   P = K Σ_i Σ_j π_i^(1+α) π_j |y_i − y_j|
     * </pre>
     *
     * with K = 1. The groups are {@code bins} equal-width bins on [lo, hi]; y_i is the centre of
     * bin i and π_i the share of the population in it. Values below {@code lo} or above {@code hi}
     * are clamped into the first or last bin (a value exactly at {@code hi} belongs to the last
     * bin), so every member of the population is counted. Esteban and Ray admit α in (0, 1.6];
     * larger α weighs identification with one's own group more.
     *
     * @param bins number of bins, at least 1
     * @param alpha the identification exponent α, finite and non-negative
     * @return P, or {@code NaN} when {@code x} is empty (the shares are undefined)
     * @throws IllegalArgumentException if the range, bins or α are invalid, or a value is NaN
     */
    public static double estebanRay(double[] x, double lo, double hi, int bins, double alpha) {
        Objects.requireNonNull(x, "x");
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(Double.isFinite(alpha) && alpha >= 0.0)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (x.length == 0) {
            return Double.NaN;
        }
        double width = (hi - lo) / bins;
        long[] counts = new long[bins];
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN value has no bin");
            }
            int bin = (int) Math.floor((v - lo) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        double p = 0.0;
        for (int i = 0; i < bins; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double pi = (double) counts[i] / x.length;
            double weight = Math.pow(pi, 1.0 + alpha);
            for (int j = 0; j < bins; j++) {
                double pj = (double) counts[j] / x.length;
                // |y_i − y_j| of bin centres is exactly |i − j| bin widths.
                p += weight * pj * Math.abs(i - j) * width;
            }
        }
        return p;
    }

    /**
     * Mean extremity (1/N) Σ |x_i|: how far opinions sit from the centre 0, whether or not they
     * split into camps (a society can become more extreme without becoming more dispersed).
     *
     * @return the mean absolute value, or {@code NaN} when {@code x} is empty
     */
    public static double meanAbs(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : x) {
            sum += Math.abs(v);
        }
        return sum / x.length;
    }

    /**
     * Shannon entropy in nats (Shannon 1948), H = −Σ_k p_k ln p_k with p_k = c_k / Σ c, over the
     * nonzero counts (0 · ln 0 is taken as 0, its limit). Used for diversity of exposure over
     * stance or topic bins.
     *
     * @param counts non-negative counts per category
     * @return H, or 0 when the array is empty or all counts are 0 (nothing seen, no diversity)
     * @throws IllegalArgumentException if a count is negative or not finite
     */
    public static double entropy(double[] counts) {
        double total = checkedTotal(counts);
        if (total == 0.0) {
            return 0.0;
        }
        double h = 0.0;
        for (double c : counts) {
            if (c > 0.0) {
                double p = c / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * Gini–Simpson index 1 − Σ_k p_k² (Simpson 1949, Nature 163:688): the probability that two
     * impressions drawn with replacement fall in different categories.
     *
     * @param counts non-negative counts per category
     * @return the index, or 0 when the array is empty or all counts are 0
     * @throws IllegalArgumentException if a count is negative or not finite
     */
    public static double giniSimpson(double[] counts) {
        double total = checkedTotal(counts);
        if (total == 0.0) {
            return 0.0;
        }
        double sumSquares = 0.0;
        for (double c : counts) {
            double p = c / total;
            sumSquares += p * p;
        }
        return 1.0 - sumSquares;
    }

    /**
     * Jaccard similarity |A ∩ B| / |A ∪ B| (Jaccard 1901) of two sets given as arrays; duplicates
     * are ignored. Two empty sets give 0/0, defined here as 0: users who saw nothing are not
     * counted as having identical feeds, so empty histories never inflate homogenization.
     *
     * @return the similarity in [0, 1]
     */
    public static double jaccard(long[] a, long[] b) {
        return sortedJaccard(distinctSorted(a), distinctSorted(b));
    }

    /**
     * Homogenization as in T-RECS (Lucherini et al. 2021, "T-RECS: A simulation tool to study the
     * societal impact of recommender systems"; Chaney et al. 2018, RecSys): the mean Jaccard
     * similarity over the given user pairs, (1/P) Σ_p J(sets[pairA[p]], sets[pairB[p]]). The caller
     * chooses the pairs (all pairs for small populations, a seeded sample for large ones) and
     * states the sample; this function only averages.
     *
     * @param sets one set per user, as arrays that may contain duplicates
     * @param pairA first index of each pair
     * @param pairB second index of each pair, same length as {@code pairA}
     * @return the mean similarity, or {@code NaN} when no pairs are given
     * @throws IllegalArgumentException if the pair arrays differ in length
     * @throws IndexOutOfBoundsException if an index is outside {@code sets}
     */
    public static double meanJaccard(List<long[]> sets, int[] pairA, int[] pairB) {
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(pairA, "pairA");
        Objects.requireNonNull(pairB, "pairB");
        if (pairA.length != pairB.length) {
            throw new IllegalArgumentException(
                    "pairA and pairB differ in length: " + pairA.length + " vs " + pairB.length);
        }
        if (pairA.length == 0) {
            return Double.NaN;
        }
        // Each set is deduplicated and sorted once, however many pairs it appears in.
        long[][] prepared = new long[sets.size()][];
        double sum = 0.0;
        for (int p = 0; p < pairA.length; p++) {
            int a = Objects.checkIndex(pairA[p], sets.size());
            int b = Objects.checkIndex(pairB[p], sets.size());
            if (prepared[a] == null) {
                prepared[a] = distinctSorted(sets.get(a));
            }
            if (prepared[b] == null) {
                prepared[b] = distinctSorted(sets.get(b));
            }
            sum += sortedJaccard(prepared[a], prepared[b]);
        }
        return sum / pairA.length;
    }

    /**
     * Amplification ratio after Huszár et al. 2022 ("Algorithmic amplification of politics on
     * Twitter", PNAS 119(1):e2025334119): how much more exposure a group of content gets under the
     * algorithm than under the chronological control arm,
     *
     * <pre>
     *   A = (g_treatment / total_treatment) / (g_control / total_control)
     * </pre>
     *
     * Each arm's exposure is normalised by that arm's total before comparing, because the arms
     * differ in size and activity (Huszár et al. divided by the arm populations, the treatment arm
     * being four times the control). Passing the arm's total impressions compares shares of
     * impressions; passing the arm's number of users reproduces their per-user normalisation. A = 1
     * means no amplification; Huszár et al. report (A − 1) × 100 %.
     *
     * @return A, or {@code NaN} when the control share is 0 or undefined, or the treatment total is
     *     0
     */
    public static double amplificationRatio(
            double groupImpressionsTreatment,
            double totalImpressionsTreatment,
            double groupImpressionsControl,
            double totalImpressionsControl) {
        if (totalImpressionsTreatment == 0.0 || totalImpressionsControl == 0.0) {
            return Double.NaN;
        }
        double controlShare = groupImpressionsControl / totalImpressionsControl;
        if (controlShare == 0.0 || Double.isNaN(controlShare)) {
            return Double.NaN;
        }
        return (groupImpressionsTreatment / totalImpressionsTreatment) / controlShare;
    }

    /**
     * Gini coefficient of non-negative values (Gini 1912), e.g. follower counts:
     *
     * <pre>
     *   G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)
     * </pre>
     *
     * computed in O(n log n) from the ascending order statistics x_(1) ≤ … ≤ x_(n): the double sum
     * equals 2 Σ_i (2i − n − 1) x_(i), and pairing rank i with rank n+1−i gives
     *
     * <pre>
     *   G = Σ_{i ≤ n/2} (n + 1 − 2i)(x_(n+1−i) − x_(i)) / (n Σ x)
     * </pre>
     *
     * which is exactly 0 for equal values, free of rounding. This is the population form (no
     * n/(n−1) correction): 0 when everyone is equal, (n−1)/n when one holds everything.
     *
     * @return G, 0 when all values are equal (including all zero), {@code NaN} when {@code x} is
     *     empty
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public static double gini(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        for (double v : sorted) {
            if (!(Double.isFinite(v) && v >= 0.0)) {
                throw new IllegalArgumentException(
                        "Gini needs finite non-negative values, got " + v);
            }
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0.0;
        for (double v : sorted) {
            total += v;
        }
        if (total == 0.0) {
            return 0.0;
        }
        double spread = 0.0;
        for (int i = 1; i <= n / 2; i++) {
            spread += (n + 1.0 - 2.0 * i) * (sorted[n - i] - sorted[i - 1]);
        }
        return spread / (n * total);
    }

    /**
     * Median: the middle order statistic, or the mean of the two middle ones for an even n.
     *
     * @return the median, or {@code NaN} when {@code x} is empty
     */
    public static double median(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * Share of the total held by the largest ⌈f n⌉ values, e.g. the share of posts written by the
     * top 10 % of accounts (Pew Research Center 2019: the top 10 % of tweeters wrote 80 % of the
     * tweets).
     *
     * @param fraction f in (0, 1]
     * @return the share, or {@code NaN} when {@code x} is empty or sums to 0
     * @throws IllegalArgumentException if f is not in (0, 1] or a value is negative or not finite
     */
    public static double topShare(double[] x, double fraction) {
        Objects.requireNonNull(x, "x");
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        double total = checkedTotal(x);
        if (x.length == 0 || total == 0.0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        // The tolerance keeps 0.1 × 30 = 3.0000000000000004 at 3 values.
        int top = (int) Math.ceil(fraction * sorted.length - 1e-9);
        double sum = 0.0;
        for (int i = sorted.length - top; i < sorted.length; i++) {
            sum += sorted[i];
        }
        return sum / total;
    }

    private static double centralMoment(double[] x, double mean, int order) {
        double sum = 0.0;
        for (double v : x) {
            double d = v - mean;
            double power = d;
            for (int k = 1; k < order; k++) {
                power *= d;
            }
            sum += power;
        }
        return sum / x.length;
    }

    private static double checkedTotal(double[] counts) {
        Objects.requireNonNull(counts, "counts");
        double total = 0.0;
        for (double c : counts) {
            if (!(Double.isFinite(c) && c >= 0.0)) {
                throw new IllegalArgumentException("counts must be finite and >= 0, got " + c);
            }
            total += c;
        }
        return total;
    }

    private static long[] distinctSorted(long[] values) {
        Objects.requireNonNull(values, "set");
        return Arrays.stream(values).distinct().sorted().toArray();
    }

    private static double sortedJaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int intersection = 0;
        while (i < a.length && j < b.length) {
            int cmp = Long.compare(a[i], b[j]);
            if (cmp == 0) {
                intersection++;
                i++;
                j++;
            } else if (cmp < 0) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - intersection;
        return union == 0 ? 0.0 : (double) intersection / union;
    }
}

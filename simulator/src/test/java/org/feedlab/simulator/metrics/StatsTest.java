package org.feedlab.simulator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks every metric formula against values worked out by hand in the comments. */
class StatsTest {

    private static final double EXACT = 1e-12;

    // ---- mean, variance, meanAbs ----

    @Test
    void meanOfSmallArray() {
        // (1 + 2 + 3 + 4) / 4 = 10 / 4 = 2.5
        assertEquals(2.5, Stats.mean(new double[] {1, 2, 3, 4}), EXACT);
    }

    @Test
    void populationVarianceDividesByN() {
        // mean 2.5; deviations −1.5, −0.5, 0.5, 1.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5
        // 5 / 4 = 1.25 (the sample variance 5 / 3 would be wrong here)
        assertEquals(1.25, Stats.variance(new double[] {1, 2, 3, 4}), EXACT);
    }

    @Test
    void varianceOfOpposedCampsAndOfConsensus() {
        // half at −1, half at +1: mean 0, every squared deviation 1 → σ² = 1
        assertEquals(1.0, Stats.variance(new double[] {-1, -1, 1, 1}), EXACT);
        assertEquals(0.0, Stats.variance(new double[] {0.3, 0.3, 0.3}), EXACT);
    }

    @Test
    void varianceIsStableFarFromZero() {
        // same spread as {1,2,3,4} shifted by 1e9: still 1.25 (a one-pass E[x²] − E[x]² loses it)
        double[] x = {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4};
        assertEquals(1.25, Stats.variance(x), 1e-6);
    }

    @Test
    void meanAbsMeasuresExtremity() {
        // (|−1| + |0.5| + |0| + |0.5|) / 4 = 2 / 4 = 0.5, while the mean is 0
        double[] x = {-1, 0.5, 0, 0.5};
        assertEquals(0.5, Stats.meanAbs(x), EXACT);
        assertEquals(0.0, Stats.mean(x), EXACT);
    }

    @Test
    void momentsOfEmptySampleAreNaN() {
        assertTrue(Double.isNaN(Stats.mean(new double[0])));
        assertTrue(Double.isNaN(Stats.variance(new double[0])));
        assertTrue(Double.isNaN(Stats.meanAbs(new double[0])));
    }

    // ---- bimodality coefficient ----

    @Test
    void bimodalityCoefficientOfFiveValues() {
        // x = {−2, −1, 1, 2, 5}, n = 5, mean 5/5 = 1
        // deviations d = −3, −2, 0, 1, 4
        // m2 = (9 + 4 + 0 + 1 + 16) / 5 = 30/5 = 6
        // m3 = (−27 − 8 + 0 + 1 + 64) / 5 = 30/5 = 6
        // m4 = (81 + 16 + 0 + 1 + 256) / 5 = 354/5
        // g1 = m3 / m2^(3/2) = 6 / 6^(3/2) = 1/√6
        // G1 = g1 · √(n(n−1)) / (n−2) = (1/√6) · √20 / 3, so G1² = (20/6) / 9 = 10/27
        // g2 = m4/m2² − 3 = (354/5)/36 − 3 = 59/30 − 90/30 = −31/30
        // G2 = (n−1)/((n−2)(n−3)) · ((n+1) g2 + 6) = 4/6 · (6 · (−31/30) + 6)
        //    = 2/3 · (−1/5) = −2/15
        // 3(n−1)²/((n−2)(n−3)) = 3 · 16 / 6 = 8
        // BC = (10/27 + 1) / (−2/15 + 8) = (37/27) / (118/15) = 555/3186 = 185/1062
        double[] x = {-2, -1, 1, 2, 5};
        assertEquals(185.0 / 1062.0, Stats.bimodalityCoefficient(x), EXACT);
    }

    @Test
    void bimodalityCoefficientOfSkewedFour() {
        // x = {0, 0, 0, 1}, n = 4, mean 1/4; d = −1/4 (×3), 3/4
        // m2 = (3/16 + 9/16) / 4 = 3/16
        // m3 = (−3/64 + 27/64) / 4 = 3/32
        // m4 = (3/256 + 81/256) / 4 = 21/256
        // g1 = (3/32) / (3/16)^(3/2) = (3/32) / (3√3/64) = 2/√3
        // G1 = (2/√3) · √12 / 2 = 2
        // g2 = (21/256) / (9/256) − 3 = 7/3 − 3 = −2/3
        // G2 = 3/(2·1) · (5 · (−2/3) + 6) = 3/2 · 8/3 = 4
        // correction 3 · 9 / (2 · 1) = 27/2
        // BC = (4 + 1) / (4 + 27/2) = 5 / (35/2) = 2/7
        assertEquals(2.0 / 7.0, Stats.bimodalityCoefficient(new double[] {0, 0, 0, 1}), EXACT);
    }

    @Test
    void bimodalityCoefficientOfTwoPointsPerCamp() {
        // x = {0, 0, 1, 1}: d = ±1/2, m2 = 1/4, m3 = 0, m4 = 1/16
        // G1 = 0; g2 = (1/16)/(1/16) − 3 = −2; G2 = 3/2 · (5 · (−2) + 6) = −6
        // BC = (0 + 1) / (−6 + 27/2) = 1 / (15/2) = 2/15
        assertEquals(2.0 / 15.0, Stats.bimodalityCoefficient(new double[] {0, 0, 1, 1}), EXACT);
    }

    @Test
    void bimodalityCoefficientIsNaNWhenUndefined() {
        // fewer than 4 values: the corrections divide by (n−2)(n−3)
        assertTrue(Double.isNaN(Stats.bimodalityCoefficient(new double[] {0, 1, 2})));
        // zero variance: skewness and kurtosis divide by m2
        assertTrue(Double.isNaN(Stats.bimodalityCoefficient(new double[] {0.5, 0.5, 0.5, 0.5})));
    }

    // ---- Esteban–Ray ----

    @Test
    void estebanRayOfTwoEqualCamps() {
        // 2 bins on [−1, 1]: centres −0.5 and +0.5, shares 1/2 and 1/2, α = 1
        // P = π1² π2 |y1 − y2| + π2² π1 |y2 − y1| = 2 × 0.5² × 0.5 × 1 = 0.25
        double[] x = {-0.9, -0.2, 0.1, 0.7};
        assertEquals(0.25, Stats.estebanRay(x, -1, 1, 2, 1.0), EXACT);
    }

    @Test
    void estebanRayWithUnequalSharesAndThreeBins() {
        // 3 bins on [0, 3]: [0,1) centre 0.5, [1,2) centre 1.5, [2,3] centre 2.5
        // x = {0.2, 0.4, 2.5, 3.0}: shares π = (1/2, 0, 1/2); 3.0 = hi goes to the last bin
        // α = 0.5: P = 2 × (1/2)^1.5 × (1/2) × |0.5 − 2.5| = 2 × (1/2)^1.5 = 2 / (2√2) = 1/√2
        double[] x = {0.2, 0.4, 2.5, 3.0};
        assertEquals(1.0 / Math.sqrt(2.0), Stats.estebanRay(x, 0, 3, 3, 0.5), EXACT);
    }

    @Test
    void estebanRayClampsOutOfRangeValuesIntoEdgeBins() {
        // −5 joins the bin [−1, 0) and +5 the bin [0, 1]: same shares as two equal camps → 0.25
        double[] x = {-5, -0.5, 0.5, 5};
        assertEquals(0.25, Stats.estebanRay(x, -1, 1, 2, 1.0), EXACT);
    }

    @Test
    void estebanRayOfConsensusIsZeroAndOfEmptyIsNaN() {
        assertEquals(0.0, Stats.estebanRay(new double[] {0.1, 0.2, 0.3}, -1, 1, 2, 1.0), EXACT);
        assertTrue(Double.isNaN(Stats.estebanRay(new double[0], -1, 1, 2, 1.0)));
    }

    @Test
    void estebanRayWithBinsNarrowerThanOneAndNoIdentification() {
        // 4 bins on [−1, 1], width 0.5: −0.9 and −0.7 in bin 0, 0.2 in bin 2, 0.9 in bin 3;
        // shares (1/2, 0, 1/4, 1/4), centres 0.5 apart per bin. α = 0: P = Σ_i Σ_j π_i π_j |y_i −
        // y_j|
        // = 2 × (1/2 × 1/4 × 1.0 + 1/2 × 1/4 × 1.5 + 1/4 × 1/4 × 0.5) = 0.6875
        double[] x = {-0.9, -0.7, 0.2, 0.9};
        assertEquals(0.6875, Stats.estebanRay(x, -1, 1, 4, 0.0), EXACT);
        // α = 1: P = Σ_i π_i² Σ_j π_j |y_i − y_j|, where Σ_j π_j |y_i − y_j| is 0.625 for bin 0
        // (1/4 × 1.0 + 1/4 × 1.5), 0.625 for bin 2 (1/2 × 1.0 + 1/4 × 0.5) and 0.875 for bin 3
        // (1/2 × 1.5 + 1/4 × 0.5): 1/4 × 0.625 + 1/16 × 0.625 + 1/16 × 0.875 = 0.25
        assertEquals(0.25, Stats.estebanRay(x, -1, 1, 4, 1.0), EXACT);
        // One bin holds everyone: no polarisation, whatever the values.
        assertEquals(0.0, Stats.estebanRay(x, -1, 1, 1, 1.0), EXACT);
    }

    @Test
    void estebanRayRejectsMeaninglessArguments() {
        double[] x = {0.0};
        assertThrows(IllegalArgumentException.class, () -> Stats.estebanRay(x, 1, -1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Stats.estebanRay(x, 1, 1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Stats.estebanRay(x, -1, 1, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Stats.estebanRay(x, -1, 1, 2, -0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> Stats.estebanRay(new double[] {Double.NaN}, -1, 1, 2, 1.0));
    }

    // ---- entropy and Gini–Simpson ----

    @Test
    void entropyOfTwoEqualBinsIsLnTwo() {
        // p = (1/2, 1/2): H = −2 × (1/2) ln(1/2) = ln 2
        assertEquals(Math.log(2.0), Stats.entropy(new double[] {1, 1}), EXACT);
    }

    @Test
    void entropyIgnoresZeroCounts() {
        // counts {1, 0, 1, 2}: p = (1/4, 1/4, 1/2), the empty bin contributes 0
        // H = −(1/4 ln 1/4 + 1/4 ln 1/4 + 1/2 ln 1/2) = 1/2 ln 4 + 1/2 ln 2 = ln 2 + 1/2 ln 2
        //   = 1.5 ln 2
        assertEquals(1.5 * Math.log(2.0), Stats.entropy(new double[] {1, 0, 1, 2}), EXACT);
    }

    @Test
    void entropyOfNothingOrOneBinIsZero() {
        assertEquals(0.0, Stats.entropy(new double[0]), EXACT);
        assertEquals(0.0, Stats.entropy(new double[] {0, 0}), EXACT);
        assertEquals(0.0, Stats.entropy(new double[] {0, 7}), EXACT);
    }

    @Test
    void giniSimpsonOfOneOneTwo() {
        // p = (1/4, 1/4, 1/2): 1 − (1/16 + 1/16 + 1/4) = 1 − 6/16 = 0.625
        assertEquals(0.625, Stats.giniSimpson(new double[] {1, 1, 2}), EXACT);
    }

    @Test
    void giniSimpsonOfNothingOrOneBinIsZero() {
        assertEquals(0.0, Stats.giniSimpson(new double[0]), EXACT);
        assertEquals(0.0, Stats.giniSimpson(new double[] {0, 0, 0}), EXACT);
        assertEquals(0.0, Stats.giniSimpson(new double[] {5, 0}), EXACT);
    }

    @Test
    void countsMustBeNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> Stats.entropy(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Stats.giniSimpson(new double[] {-2}));
    }

    // ---- Jaccard ----

    @Test
    void jaccardTreatsArraysAsSets() {
        // A = {1, 2, 3} (2 listed twice), B = {2, 3, 4, 5}: A ∩ B = {2, 3}, A ∪ B = {1, 2, 3, 4, 5}
        // J = 2 / 5 = 0.4
        long[] a = {3, 2, 1, 2};
        long[] b = {5, 4, 3, 2};
        assertEquals(0.4, Stats.jaccard(a, b), EXACT);
        assertEquals(0.4, Stats.jaccard(b, a), EXACT);
    }

    @Test
    void jaccardEdgeCases() {
        // identical sets: 1; disjoint: 0; one empty: 0 / |B| = 0; both empty: 0/0 defined as 0
        assertEquals(1.0, Stats.jaccard(new long[] {7, 8}, new long[] {8, 7, 7}), EXACT);
        assertEquals(0.0, Stats.jaccard(new long[] {1}, new long[] {2}), EXACT);
        assertEquals(0.0, Stats.jaccard(new long[0], new long[] {2}), EXACT);
        assertEquals(0.0, Stats.jaccard(new long[0], new long[0]), EXACT);
    }

    @Test
    void meanJaccardAveragesTheGivenPairs() {
        // sets: s0 = {1,2,3}, s1 = {2,3,4,5}, s2 = {1,2,3}, s3 = {9}
        // pairs (0,1): 2/5 = 0.4; (0,2): 3/3 = 1; (1,3): 0/5 = 0; (0,1) again: 0.4
        // mean = (0.4 + 1 + 0 + 0.4) / 4 = 1.8 / 4 = 0.45
        List<long[]> sets =
                List.of(
                        new long[] {1, 2, 3},
                        new long[] {2, 3, 4, 5},
                        new long[] {3, 2, 1},
                        new long[] {9});
        int[] pairA = {0, 0, 1, 0};
        int[] pairB = {1, 2, 3, 1};
        assertEquals(0.45, Stats.meanJaccard(sets, pairA, pairB), EXACT);
    }

    @Test
    void meanJaccardEdgeCases() {
        List<long[]> sets = List.of(new long[] {1}, new long[] {1});
        assertTrue(Double.isNaN(Stats.meanJaccard(sets, new int[0], new int[0])));
        assertThrows(
                IllegalArgumentException.class,
                () -> Stats.meanJaccard(sets, new int[] {0}, new int[] {0, 1}));
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> Stats.meanJaccard(sets, new int[] {0}, new int[] {2}));
    }

    // ---- amplification ratio ----

    @Test
    void amplificationRatioComparesShares() {
        // treatment: 300 of 1000 impressions → 0.3; control: 50 of 250 → 0.2
        // A = 0.3 / 0.2 = 1.5 (Huszár et al. would report +50 %)
        assertEquals(1.5, Stats.amplificationRatio(300, 1000, 50, 250), EXACT);
        // equal shares in arms of different sizes: no amplification
        assertEquals(1.0, Stats.amplificationRatio(40, 400, 10, 100), EXACT);
    }

    @Test
    void amplificationRatioIsNaNWithoutControlExposure() {
        assertTrue(Double.isNaN(Stats.amplificationRatio(10, 100, 0, 100)));
        assertTrue(Double.isNaN(Stats.amplificationRatio(10, 100, 0, 0)));
        assertTrue(Double.isNaN(Stats.amplificationRatio(0, 0, 5, 100)));
    }

    // ---- Gini ----

    @Test
    void giniOfOneHolderOfEverything() {
        // {0, 0, 0, 1}: Σ_i Σ_j |x_i − x_j| = 3 pairs × 2 orders × 1 = 6
        // 2 n² x̄ = 2 · 16 · 1/4 = 8
        // G = 6 / 8 = 0.75 = (n − 1)/n
        assertEquals(0.75, Stats.gini(new double[] {0, 1, 0, 0}), EXACT);
    }

    @Test
    void giniOfOneToFour() {
        // {1, 2, 3, 4}: unordered |differences| 1+2+3+1+2+1 = 10, ordered 20
        // 2 n² x̄ = 2 · 16 · 2.5 = 80
        // G = 20 / 80 = 0.25
        assertEquals(0.25, Stats.gini(new double[] {4, 2, 3, 1}), EXACT);
    }

    @Test
    void giniEdgeCases() {
        // everyone equal, including everyone at zero: 0; empty: NaN
        assertEquals(0.0, Stats.gini(new double[] {0.1, 0.1, 0.1, 0.1, 0.1}), 0.0);
        assertEquals(0.0, Stats.gini(new double[] {0, 0}), 0.0);
        assertTrue(Double.isNaN(Stats.gini(new double[0])));
        assertThrows(IllegalArgumentException.class, () -> Stats.gini(new double[] {1, -1}));
    }

    @Test
    void medianOfOddAndEvenSamples() {
        assertEquals(3.0, Stats.median(new double[] {5, 1, 3}), EXACT);
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}), EXACT);
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void topShareIsTheShareOfTheLargestValues() {
        // Ten accounts: the top tenth is one account, 8 of 20 posts.
        double[] posts = {8, 3, 2, 2, 1, 1, 1, 1, 1, 0};
        assertEquals(0.4, Stats.topShare(posts, 0.1), EXACT);
        assertEquals((8 + 3 + 2) / 20.0, Stats.topShare(posts, 0.3), EXACT);
        // 0.1 × 30 is not exactly 3 in binary: still the top 3 of 30.
        double[] thirty = new double[30];
        thirty[0] = thirty[1] = thirty[2] = thirty[3] = 1;
        assertEquals(0.75, Stats.topShare(thirty, 0.1), EXACT);
        assertTrue(Double.isNaN(Stats.topShare(new double[] {0, 0}, 0.1)));
        // The whole population holds the whole total.
        assertEquals(1.0, Stats.topShare(posts, 1.0), EXACT);
        assertThrows(IllegalArgumentException.class, () -> Stats.topShare(posts, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Stats.topShare(new double[] {-1}, 0.5));
    }
}

package org.feedlab.ranker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks the quality formulas against values worked out by hand in the comments. */
class EvaluationTest {

    private static final double EXACT = 1e-12;

    // ---- AUC ----

    @Test
    void aucCountsCorrectlyOrderedPairs() {
        // positives 0.35, 0.8; negatives 0.1, 0.4
        // ascending ranks: 0.1→1, 0.35→2, 0.4→3, 0.8→4; R_pos = 2 + 4 = 6
        // U = 6 − 2·3/2 = 3; AUC = 3 / (2·2) = 0.75
        // (pairs: 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes → 3 of 4)
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] labels = {false, false, true, true};
        assertEquals(0.75, Evaluation.auc(scores, labels), EXACT);
    }

    @Test
    void aucGivesTiesAverageRanks() {
        // scores {0.5, 0.5, 0.2, 0.9}, labels {T, F, F, T}
        // ascending: 0.2→1, the two 0.5s share ranks 2 and 3 → 2.5 each, 0.9→4
        // R_pos = 2.5 (the positive 0.5) + 4 = 6.5; U = 6.5 − 3 = 3.5; AUC = 3.5 / 4 = 0.875
        // (pairs: 0.5 vs 0.5 tie counts 1/2, 0.5>0.2, 0.9>0.5, 0.9>0.2 → 3.5 of 4)
        double[] scores = {0.5, 0.5, 0.2, 0.9};
        boolean[] labels = {true, false, false, true};
        assertEquals(0.875, Evaluation.auc(scores, labels), EXACT);
    }

    @Test
    void aucOfAllTiedOrInvertedScores() {
        // every score equal: every pair is a tie → 1/2
        double[] tied = {1, 1, 1};
        assertEquals(0.5, Evaluation.auc(tied, new boolean[] {true, false, false}), EXACT);
        // -0.0 and 0.0 are equal scores, so a tie
        assertEquals(0.5, Evaluation.auc(new double[] {-0.0, 0.0}, new boolean[] {true, false}));
        // every negative above every positive → 0
        assertEquals(
                0.0, Evaluation.auc(new double[] {0.9, 0.1}, new boolean[] {false, true}), EXACT);
    }

    @Test
    void aucIsNaNWhenOneClassIsAbsent() {
        assertTrue(
                Double.isNaN(Evaluation.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})));
        assertTrue(
                Double.isNaN(
                        Evaluation.auc(new double[] {0.1, 0.2}, new boolean[] {false, false})));
        assertTrue(Double.isNaN(Evaluation.auc(new double[0], new boolean[0])));
    }

    @Test
    void aNaNScoreRanksAboveEveryNumber() {
        // ascending: 0.1→1, 0.3→2, NaN→3; the positive 0.1 is below both negatives → 0
        assertEquals(
                0.0,
                Evaluation.auc(
                        new double[] {0.1, Double.NaN, 0.3}, new boolean[] {true, false, false}));
        // a positive NaN outranks both negatives → 1
        assertEquals(
                1.0,
                Evaluation.auc(
                        new double[] {0.1, Double.NaN, 0.3}, new boolean[] {false, true, false}));
    }

    @Test
    void aucRejectsMismatchedLengths() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Evaluation.auc(new double[] {0.1}, new boolean[] {true, false}));
    }

    @Test
    void aucStaysExactBeyondIntRangeCounts() {
        // 50,000 positives scored 1 above 50,000 negatives scored 0: n_pos (n_pos + 1) is about
        // 2.5e9, past the int range, and the AUC is exactly 1.
        int n = 100_000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i += 2) {
            scores[i] = 1;
            labels[i] = true;
        }
        assertEquals(1.0, Evaluation.auc(scores, labels));
        assertEquals(1.0, Evaluation.of("click", scores, labels).auc());
    }

    @Test
    void aucIsBitForBitTheRankSumOverAnIndexSort() {
        // Scores drawn from a few values (many ties), signed zeros that tie and NaNs that do not:
        // the rank sum taken over indices sorted by score, the way the formula reads.
        SplittableRandom random = new SplittableRandom(5);
        double[] values = {-0.0, 0.0, 0.25, 0.5, Double.NaN, 1e-300, 0.1 + 0.2};
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(60);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] =
                        random.nextBoolean()
                                ? values[random.nextInt(values.length)]
                                : random.nextDouble();
                labels[i] = random.nextInt(3) == 0;
            }
            assertEquals(
                    Double.doubleToLongBits(rankSumOverIndexSort(scores, labels)),
                    Double.doubleToLongBits(Evaluation.auc(scores, labels)),
                    Arrays.toString(scores) + " " + Arrays.toString(labels));
        }
    }

    /** The AUC over a stable index sort by {@link Double#compare}, ties by {@code ==}. */
    private static double rankSumOverIndexSort(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0.0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int r = i; r <= j; r++) {
                if (labels[order[r]]) {
                    rankSumPos += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPos - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    // ---- log loss and calibration ----

    @Test
    void logLossIsTheMeanCrossEntropy() {
        // −(ln 0.9 + ln(1 − 0.2) + ln 0.5) / 3
        double[] p = {0.9, 0.2, 0.5};
        boolean[] y = {true, false, true};
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.5)) / 3;
        assertEquals(expected, Evaluation.logLoss(p, y), EXACT);
        assertEquals(expected, Evaluation.of("click", p, y).logLoss(), EXACT);
        assertTrue(Double.isNaN(Evaluation.logLoss(new double[0], new boolean[0])));
    }

    @Test
    void logLossClampsCertainMistakes() {
        // p = 0 for an event that happened costs −ln(1e-12), not infinity
        assertEquals(
                -Math.log(1e-12),
                Evaluation.logLoss(new double[] {0.0}, new boolean[] {true}),
                1e-9);
    }

    @Test
    void logLossOfHandComputedPredictions() {
        double[] p = {0.8, 0.4, 0.0};
        boolean[] y = {true, false, false};
        // A certain, correct prediction of 0 costs nothing (clamped to 1e-12).
        double expected = -(Math.log(0.8) + Math.log(0.6) + Math.log(1 - 1e-12)) / 3;
        assertEquals(expected, Evaluation.logLoss(p, y), 1e-12);
        assertTrue(Double.isNaN(Evaluation.logLoss(new double[0], new boolean[0])));
        assertThrows(
                IllegalArgumentException.class, () -> Evaluation.logLoss(p, new boolean[] {true}));
    }

    @Test
    void expectedOverObservedIsOneForACalibratedModel() {
        // Predictions 0.25 on four items, one event: expected 1, observed 1.
        double[] p = {0.25, 0.25, 0.25, 0.25};
        assertEquals(
                1.0,
                Evaluation.expectedOverObserved(p, new boolean[] {false, true, false, false}),
                1e-12);
        // Two events: the model predicts half of what happened.
        assertEquals(
                0.5,
                Evaluation.expectedOverObserved(p, new boolean[] {true, true, false, false}),
                1e-12);
        assertTrue(Double.isNaN(Evaluation.expectedOverObserved(p, new boolean[4])));
    }

    @Test
    void headScoreCountsExamplesAndPositives() {
        Evaluation.HeadScore s =
                Evaluation.of(
                        "like",
                        new double[] {0.1, 0.4, 0.35, 0.8},
                        new boolean[] {false, false, true, true});
        assertEquals("like", s.head());
        assertEquals(4, s.examples());
        assertEquals(2, s.positives());
        assertEquals(0.75, s.auc(), EXACT);
    }

    /**
     * The survey head is scored on answered impressions and the return head on the impressions
     * where a session ended only: a head is judged where it was observed. Every example predicts
     * its own first feature for every head.
     */
    @Test
    void maskedHeadsAreScoredWhereTheyWereObserved() {
        int heads = Heads.COUNT;
        Scorer echo =
                new Scorer() {
                    public int features() {
                        return 1;
                    }

                    public int heads() {
                        return heads;
                    }

                    public List<String> featureNames() {
                        return List.of("p");
                    }

                    public List<String> headNames() {
                        return Heads.names();
                    }

                    public void predict(float[] x, double[] out) {
                        Arrays.fill(out, x[0]);
                    }

                    public void predictBatch(float[] xs, int n, double[] out) {
                        for (int i = 0; i < n; i++) {
                            Arrays.fill(out, i * heads, (i + 1) * heads, xs[i]);
                        }
                    }

                    public byte[] toBytes() {
                        return new byte[0];
                    }
                };
        int ret = 1 << Heads.RETURN;
        int survey = 1 << Heads.SURVEY;
        int continued = 1 << Heads.CONTINUATION;
        List<TrainingExample> examples =
                List.of(
                        // returned, the session went on: not a return observation
                        new TrainingExample(new float[] {0.1f}, ret | continued),
                        // the session's last impression, returned, survey answered "no"
                        new TrainingExample(new float[] {0.8f}, ret | Heads.SURVEY_ASKED),
                        // the last impression of another session, no return, survey "yes"
                        new TrainingExample(new float[] {0.4f}, Heads.SURVEY_ASKED | survey),
                        // neither observed
                        new TrainingExample(new float[] {0.3f}, continued));
        Evaluation.HeadScore[] s = Evaluation.score(echo, examples);
        Evaluation.HeadScore r = s[Heads.RETURN];
        assertEquals(2, r.examples());
        assertEquals(1, r.positives());
        assertEquals(1.0, r.auc(), EXACT);
        assertEquals(
                -(Math.log((double) 0.8f) + Math.log(1 - (double) 0.4f)) / 2, r.logLoss(), 1e-12);
        Evaluation.HeadScore q = s[Heads.SURVEY];
        assertEquals(2, q.examples());
        assertEquals(1, q.positives());
        assertEquals(0.0, q.auc(), EXACT);
        // Every other head sees all four.
        assertEquals(4, s[Heads.CONTINUATION].examples());
        assertEquals(2, s[Heads.CONTINUATION].positives());
        assertEquals(4, s[0].examples());
    }
}

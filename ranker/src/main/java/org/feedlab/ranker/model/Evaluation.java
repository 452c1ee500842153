package org.feedlab.ranker.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Quality of a model's probabilities against what happened, per head: ROC AUC (how well it orders
 * positives above negatives), mean log loss and calibration (expected over observed). The one home
 * of these formulas: the held-out evaluation of each model version and the lab's per-tick model
 * metrics both use them. The survey head is scored only on impressions whose survey was answered.
 */
public final class Evaluation {
    private Evaluation() {}

    /** AUC and log loss of one head. */
    public record HeadScore(String head, int examples, int positives, double auc, double logLoss) {}

    /** Scores every head of {@code scorer} on {@code examples}. */
    public static HeadScore[] score(Scorer scorer, List<TrainingExample> examples) {
        int n = examples.size();
        int f = scorer.features();
        int heads = scorer.heads();
        double[] p = new double[n * heads];
        float[] xs = new float[Math.min(n, 512) * f];
        for (int start = 0; start < n; start += 512) {
            int m = Math.min(512, n - start);
            for (int i = 0; i < m; i++) {
                System.arraycopy(examples.get(start + i).features(), 0, xs, i * f, f);
            }
            double[] out = new double[m * heads];
            scorer.predictBatch(xs, m, out);
            System.arraycopy(out, 0, p, start * heads, m * heads);
        }
        HeadScore[] scores = new HeadScore[heads];
        for (int h = 0; h < heads; h++) {
            double[] prob = new double[n];
            boolean[] label = new boolean[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                int bits = examples.get(i).labels();
                if (heads == Heads.COUNT && !Heads.observed(bits, h)) {
                    continue;
                }
                prob[k] = p[i * heads + h];
                label[k] = (bits >>> h & 1) != 0;
                k++;
            }
            scores[h] =
                    of(scorer.headNames().get(h), Arrays.copyOf(prob, k), Arrays.copyOf(label, k));
        }
        return scores;
    }

    /** AUC (ties count one half) and mean log loss of probabilities against labels. */
    public static HeadScore of(String head, double[] prob, boolean[] label) {
        int positives = 0;
        for (boolean l : label) {
            positives += l ? 1 : 0;
        }
        return new HeadScore(head, prob.length, positives, auc(prob, label), logLoss(prob, label));
    }

    /**
     * Area under the ROC curve through the Mann–Whitney U statistic (Hanley and McNeil 1982,
     * Radiology 143:29–36): rank all scores ascending, giving tied scores the average of the ranks
     * they span, then
     *
     * <pre>
     *   U = R_pos − n_pos(n_pos + 1)/2,   AUC = U / (n_pos · n_neg)
     * </pre>
     *
     * where R_pos is the rank sum of the positives: the probability that a random positive
     * outscores a random negative, ties counting one half. Scores are ordered by {@link
     * Double#compare} and tied by {@code ==}, so -0.0 and 0.0 tie and a NaN score ranks above every
     * number, untied.
     *
     * @param labels {@code true} for a positive example
     * @return the AUC, or {@code NaN} when either class is absent (including no examples)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double auc(double[] scores, boolean[] labels) {
        requireSameLength(scores, labels);
        int n = scores.length;
        // The rank sum needs the scores in order and the positives of each tie group: both come
        // from sorting primitives (Arrays.sort orders doubles as Double.compare does), without
        // boxing an index per example. NaN scores are ranked after the numbers.
        int numbers = 0;
        int positiveNumbers = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(scores[i])) {
                numbers++;
                positiveNumbers += labels[i] ? 1 : 0;
            }
        }
        double[] sorted = new double[numbers];
        double[] positive = new double[positiveNumbers];
        int m = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(scores[i])) {
                sorted[m++] = scores[i];
                if (labels[i]) {
                    positive[q++] = scores[i];
                }
            }
        }
        Arrays.sort(sorted);
        Arrays.sort(positive);
        double rankSumPos = 0.0;
        long positives = 0;
        int i = 0;
        while (i < numbers) {
            int j = i;
            while (j + 1 < numbers && sorted[j + 1] == sorted[i]) {
                j++;
            }
            // Ranks are 1-based: the tie group spans ranks i+1 .. j+1.
            double midRank = (i + j) / 2.0 + 1.0;
            while (positives < positiveNumbers && positive[(int) positives] == sorted[i]) {
                rankSumPos += midRank;
                positives++;
            }
            i = j + 1;
        }
        // Each NaN is a group of its own, in the order given.
        int rank = numbers;
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(scores[k])) {
                if (labels[k]) {
                    rankSumPos += (rank + rank) / 2.0 + 1.0;
                    positives++;
                }
                rank++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // In long arithmetic: n_pos (n_pos + 1) overflows an int from 46,341 positives.
        return (rankSumPos - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Mean binary cross-entropy of probabilities against outcomes:
     *
     * <pre>
     * LL = −(1/n) Σ [y ln p + (1 − y) ln(1 − p)],   p clamped to [1e-12, 1 − 1e-12]
     * </pre>
     *
     * @return the log loss, or {@code NaN} for no examples
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double logLoss(double[] probabilities, boolean[] outcomes) {
        requireSameLength(probabilities, outcomes);
        int n = probabilities.length;
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int r = 0; r < n; r++) {
            double q = Math.min(Math.max(probabilities[r], 1e-12), 1 - 1e-12);
            sum -= outcomes[r] ? Math.log(q) : Math.log(1 - q);
        }
        return sum / n;
    }

    /**
     * Calibration as the expected-over-observed ratio E/O = Σ p / Σ y: 1 when the predictions add
     * up to the events that happened, above 1 when the model over-predicts.
     *
     * @return E/O, or {@code NaN} when no event happened
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double expectedOverObserved(double[] probabilities, boolean[] outcomes) {
        requireSameLength(probabilities, outcomes);
        double expected = 0.0;
        int observed = 0;
        for (int r = 0; r < probabilities.length; r++) {
            expected += probabilities[r];
            observed += outcomes[r] ? 1 : 0;
        }
        return observed == 0 ? Double.NaN : expected / observed;
    }

    private static void requireSameLength(double[] scores, boolean[] labels) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(labels, "labels");
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    "scores and labels differ in length: "
                            + scores.length
                            + " vs "
                            + labels.length);
        }
    }

    /** The scores as the string entries of a model-version record. */
    public static Map<String, String> asMap(HeadScore[] scores) {
        Map<String, String> map = new TreeMap<>();
        for (HeadScore s : scores) {
            map.put(s.head() + ".auc", format(s.auc()));
            map.put(s.head() + ".log_loss", format(s.logLoss()));
            map.put(s.head() + ".examples", Integer.toString(s.examples()));
        }
        return map;
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }
}

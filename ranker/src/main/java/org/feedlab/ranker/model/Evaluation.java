package org.feedlab.ranker.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out quality of a model, per head: ROC AUC (how well it orders positives above negatives) and
 * mean log loss (how calibrated its probabilities are). The survey head is scored only on
 * impressions whose survey was answered.
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
                if (h == Heads.SURVEY && heads == Heads.COUNT && !Heads.surveyAsked(bits)) {
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
        int n = prob.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(prob[a], prob[b]));
        // Mann-Whitney U with mid-ranks for ties.
        double rankSumPos = 0.0;
        int positives = 0;
        double logLoss = 0.0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && prob[order[j + 1]] == prob[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int r = i; r <= j; r++) {
                if (label[order[r]]) {
                    rankSumPos += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        for (int r = 0; r < n; r++) {
            double q = Math.min(Math.max(prob[r], 1e-12), 1 - 1e-12);
            logLoss -= label[r] ? Math.log(q) : Math.log(1 - q);
        }
        int negatives = n - positives;
        double auc =
                positives == 0 || negatives == 0
                        ? Double.NaN
                        : (rankSumPos - positives * (positives + 1) / 2.0)
                                / ((double) positives * negatives);
        return new HeadScore(head, n, positives, auc, n == 0 ? Double.NaN : logLoss / n);
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

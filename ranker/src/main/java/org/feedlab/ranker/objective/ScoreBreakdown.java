package org.feedlab.ranker.objective;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.events.FeedAudit.Term;
import org.feedlab.events.FeedAudit.TermKind;

/**
 * The score of every candidate of one request, term by term: what the objective added (each head's
 * weight × prediction, the outrage penalty, the Lagrangian term of an outrage cap, the diversity
 * bonus, or the value a model-free order sorts by) and what policies added after it (demotion). The
 * ranking sorts by {@link #total}, and {@code feedlab explain} and the feed audit list {@link
 * #terms}, so the served score and its explanation cannot drift apart.
 *
 * <p>Built by {@link org.feedlab.ranker.Objective#score}, the one place the formula is written.
 */
public final class ScoreBreakdown {
    private final int n;
    private final List<String> heads;
    private final double[] weights;
    private final double[][] predictions;
    private final String order;
    private final double[] orderValues;
    private final double penalty;
    private final double multiplier;
    private final double[] outrage;
    private final double[] diversity;
    private final double[] total;
    private final List<String> adjustedBy = new ArrayList<>();
    private final List<double[]> adjustments = new ArrayList<>();

    private ScoreBreakdown(
            List<String> heads,
            double[] weights,
            double[][] predictions,
            String order,
            double[] orderValues,
            double penalty,
            double multiplier,
            double[] outrage,
            double[] diversity,
            double[] total) {
        this.n = total.length;
        this.heads = heads;
        this.weights = weights;
        this.predictions = predictions;
        this.order = order;
        this.orderValues = orderValues;
        this.penalty = penalty;
        this.multiplier = multiplier;
        this.outrage = outrage;
        this.diversity = diversity;
        this.total = total;
    }

    /**
     * Scores of a model-free order: one term per candidate, the value it sorts by.
     *
     * @param order the order's name, listed as the term's name (chronological, random, ...)
     * @param values per candidate
     */
    public static ScoreBreakdown ordered(String order, double[] values) {
        return new ScoreBreakdown(
                List.of(),
                new double[0],
                new double[values.length][],
                order,
                values,
                0.0,
                0.0,
                null,
                null,
                values.clone());
    }

    /**
     * Scores of a weighted objective, with the parts {@code total} was added up from.
     *
     * @param heads the model's head names
     * @param weights the objective's weight per head
     * @param predictions per candidate, the probability per head
     * @param penalty the declared outrage penalty
     * @param multiplier the outrage cap's Lagrange multiplier λ of the tick
     * @param outrage per candidate the outrage measure the penalty and λ multiply (null when both
     *     are 0); the one term −(penalty + λ)·outrage is listed as its penalty and its cap part
     * @param diversity per candidate the diversity bonus term (null when the bonus is 0)
     * @param total per candidate the score the objective added up from these parts
     */
    public static ScoreBreakdown weighted(
            List<String> heads,
            double[] weights,
            double[][] predictions,
            double penalty,
            double multiplier,
            double[] outrage,
            double[] diversity,
            double[] total) {
        return new ScoreBreakdown(
                List.copyOf(heads),
                weights,
                predictions,
                null,
                null,
                penalty,
                multiplier,
                outrage,
                diversity,
                total);
    }

    /** Candidates scored. */
    public int size() {
        return n;
    }

    /** The score candidate i is ranked by: the objective's terms, then every adjustment. */
    public double total(int i) {
        return total[i];
    }

    /**
     * Adds a policy's adjustment to every candidate's score (a negative amount demotes).
     *
     * @param policy the policy's type, listed as the term's name
     * @param amounts per candidate
     */
    public void adjust(String policy, double[] amounts) {
        if (amounts.length != n) {
            throw new IllegalArgumentException(
                    "adjustment of " + amounts.length + " candidates, scored " + n);
        }
        adjustedBy.add(policy);
        adjustments.add(amounts.clone());
        for (int i = 0; i < n; i++) {
            total[i] += amounts[i];
        }
    }

    /** Names of the adjustments added after the objective's terms, in the order added. */
    public List<String> adjustedBy() {
        return List.copyOf(adjustedBy);
    }

    /** The amounts per candidate of the a-th adjustment. */
    public double[] adjustment(int a) {
        return adjustments.get(a).clone();
    }

    /** Candidate i's adjustments summed, in the order they were added. */
    public double adjusted(int i) {
        double sum = 0.0;
        for (double[] a : adjustments) {
            sum += a[i];
        }
        return sum;
    }

    /** Whether a model's predictions were weighed (false for model-free orders). */
    public boolean weighted() {
        return order == null;
    }

    /** The model's head names (empty for a model-free order). */
    public List<String> heads() {
        return heads;
    }

    /** The objective's weight of head k. */
    public double weight(int k) {
        return weights[k];
    }

    /** The probabilities candidate i's score weighed, per head (null for a model-free order). */
    public double[] predictions(int i) {
        return predictions[i];
    }

    /**
     * Every additive term of candidate i's score, in the order they were added; they sum to {@link
     * #total} up to rounding. Heads with weight 0 add nothing and are left out.
     */
    public List<Term> terms(int i) {
        List<Term> out = new ArrayList<>();
        if (order != null) {
            out.add(new Term(TermKind.ORDER, order, orderValues[i]));
        } else {
            double[] p = predictions[i];
            for (int k = 0; k < Math.min(weights.length, p.length); k++) {
                if (weights[k] != 0.0) {
                    out.add(new Term(TermKind.HEAD, heads.get(k), weights[k] * p[k]));
                }
            }
            if (outrage != null) {
                // One term −(penalty + λ)·outrage in the score, listed as its two parts.
                addOutrageTerm(out, TermKind.OUTRAGE_PENALTY, penalty, outrage[i]);
                addOutrageTerm(out, TermKind.OUTRAGE_CAP, multiplier, outrage[i]);
            }
            if (diversity != null) {
                out.add(
                        new Term(
                                TermKind.DIVERSITY_BONUS,
                                TermKind.DIVERSITY_BONUS.key(),
                                diversity[i]));
            }
        }
        for (int a = 0; a < adjustments.size(); a++) {
            out.add(new Term(TermKind.POLICY, adjustedBy.get(a), adjustments.get(a)[i]));
        }
        return out;
    }

    private static void addOutrageTerm(
            List<Term> out, TermKind kind, double weight, double outrage) {
        if (weight != 0.0) {
            out.add(new Term(kind, kind.key(), -weight * outrage));
        }
    }
}

package org.feedlab.ranker.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;

/**
 * Model capacity under a latency budget: the platform serves the largest wide&amp;deep model whose
 * scoring of a request fits the budget on the given hardware, so faster hardware buys a bigger
 * model (DESIGN §6). The choice is arithmetic, not timed: FLOPs per candidate of the compiled
 * scorer × candidates ÷ FLOP/s ≤ budget, over the fixed {@link #LADDER}; it decides the hidden
 * sizes the trainer builds ({@link org.feedlab.ranker.ModelResolution}).
 *
 * @param latencyBudgetMs time allowed to score one request, in milliseconds
 * @param candidates candidates scored per request
 * @param flopsPerSecond sustained scoring speed of one core (see {@code feedlab bench ranker})
 */
public record ModelCapacity(double latencyBudgetMs, int candidates, double flopsPerSecond)
        implements FeedPolicy {
    public static final String TYPE = "model-capacity";

    /** Hidden layer widths the platform can deploy, smallest first; the default is the third. */
    public static final List<List<Integer>> LADDER =
            List.of(
                    List.of(8, 4),
                    List.of(16, 8),
                    List.of(32, 16),
                    List.of(64, 32),
                    List.of(128, 64),
                    List.of(256, 128),
                    List.of(512, 256),
                    List.of(1024, 512));

    private static final long serialVersionUID = 1L;

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Floating-point operations the compiled wide&amp;deep scorer spends on one candidate with
     * {@code nonZero} non-zero slots (a multiply-add counts as two): one row of h₁ + heads per
     * non-zero slot (embeddings folded into the first layer, wide weights beside it), then the
     * dense hidden layers and the output layer.
     */
    public static long flopsPerCandidate(int nonZero, int[] hidden, int heads) {
        return WideDeepScorer.flopsPerCandidate(nonZero, hidden, heads);
    }

    /** The cost of a model of these hidden widths over the ranker's feature space and heads. */
    public static long flopsPerCandidate(List<Integer> hidden) {
        return flopsPerCandidate(
                nonZeroSlots(), hidden.stream().mapToInt(Integer::intValue).toArray(), Heads.COUNT);
    }

    /**
     * The most non-zero slots a candidate vector can have: every numeric and hashed slot, one per
     * one-hot field, and one per history item in the history's pooled topics. An upper bound, so a
     * model chosen with it fits the budget for every request.
     */
    public static int nonZeroSlots() {
        int n = 0;
        for (FeatureSpace.Field f : FeatureSpace.fields()) {
            n +=
                    switch (f.kind()) {
                        case NUMERIC, HASHED -> f.width();
                        case CATEGORICAL, CROSS ->
                                f == FeatureSpace.HISTORY_TOPICS ? FeatureSpace.HISTORY : 1;
                    };
        }
        return n;
    }

    /** FLOPs one candidate may cost within the budget. */
    public double budgetFlopsPerCandidate() {
        return latencyBudgetMs / 1000.0 * flopsPerSecond / candidates;
    }

    /** Milliseconds a request costs with a model of these hidden widths. */
    public double latencyMs(List<Integer> hidden) {
        return flopsPerCandidate(hidden) * (double) candidates / flopsPerSecond * 1000.0;
    }

    /**
     * The largest rung of the ladder that fits the budget.
     *
     * @param where path of this policy in the scenario, for the error
     * @throws PolicyException naming {@code latency_budget_ms} when even the smallest model does
     *     not fit
     */
    public List<Integer> hiddenSizes(String where) {
        List<Integer> chosen = null;
        for (List<Integer> rung : LADDER) {
            if (flopsPerCandidate(rung) <= budgetFlopsPerCandidate()) {
                chosen = rung;
            }
        }
        if (chosen == null) {
            List<Integer> smallest = LADDER.get(0);
            throw new PolicyException(
                    where + ".latency_budget_ms",
                    String.format(
                            Locale.ROOT,
                            "a budget of at least %s ms: the smallest model (hidden %s) costs"
                                    + " %d FLOPs per candidate × %d candidates at %.3g FLOP/s",
                            new BigDecimal(latencyMs(smallest))
                                    .round(new MathContext(3, RoundingMode.UP))
                                    .stripTrailingZeros()
                                    .toPlainString(),
                            smallest,
                            flopsPerCandidate(smallest),
                            candidates,
                            flopsPerSecond),
                    trim(latencyBudgetMs));
        }
        return chosen;
    }

    @Override
    public String describe() {
        List<Integer> hidden = hiddenSizes("$");
        return String.format(
                Locale.ROOT,
                "The ranking model is as large as the hardware allows: %d candidates must be scored"
                        + " within %s ms at %.3g operations per second, so it has hidden layers"
                        + " %s (%d operations per candidate, about %.3g ms per request).",
                candidates,
                trim(latencyBudgetMs),
                flopsPerSecond,
                hidden,
                flopsPerCandidate(hidden),
                latencyMs(hidden));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

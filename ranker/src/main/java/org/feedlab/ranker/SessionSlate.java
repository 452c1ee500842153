package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.ranker.features.SessionContext;

/**
 * The session-aware objective's feed (SlateQ-style, Ie et al. 2019): the feed is built slot by
 * slot, and candidate i at slot k is worth
 *
 * <pre>
 * value(i, k) = r(i | c_k) + p_cont(i | c_k) · V₋ᵢ(k + 1)
 * V₋ᵢ(k + 1)  = r̄ · (1 + p̄ + p̄² + … + p̄^(m − 1)),   m = min(L − k − 1, |C_k| − 1)
 * </pre>
 *
 * where r is the objective's immediate value (its weighted score at that slot's context), p_cont
 * the continuation head, c_k the context the filled slots imply for a user who reaches slot k
 * (position k, first session, k items seen, the summed outrage scores of slots 0 … k−1), C_k the
 * candidates still unplaced, and r̄, p̄ the means of r and p_cont over the m candidates of C_k
 * other than i with the highest r at c_k: the rest of the session approximated as m more slots of
 * that average item, each reached with probability p̄. The highest value fills slot k (ties: the
 * higher post id). docs/MODEL.md ("The session-aware objective") states the approximation.
 */
public final class SessionSlate {
    /** Candidates re-scored per feed slot: the pool is the first-pass top POOL_PER_SLOT · L. */
    public static final int POOL_PER_SLOT = 3;

    /** The objective's valuation of candidates at one slot's context. */
    public interface Valuation {
        /**
         * Fills, for the first {@code count} candidates of {@code candidates}, the immediate value
         * r and the continuation probability p_cont at {@code context}; {@code placed} holds the
         * candidates of the slots above, in slot order (a model reads only the context; the lab's
         * oracle rolls the user's true session state through them).
         */
        void value(
                SessionContext context,
                int[] placed,
                int[] candidates,
                int count,
                double[] immediate,
                double[] continuation);
    }

    /**
     * One filled slot.
     *
     * @param candidate the candidate placed
     * @param context the slot's context
     * @param immediate r(i | c_k)
     * @param continuation p_cont(i | c_k)
     * @param lookAhead V₋ᵢ(k + 1)
     */
    public record Slot(
            int candidate,
            SessionContext context,
            double immediate,
            double continuation,
            double lookAhead) {
        /** The continuation term p_cont · V. */
        public double sessionValue() {
            return continuation * lookAhead;
        }

        /** value(i, k) = r + p_cont · V. */
        public double value() {
            return immediate + continuation * lookAhead;
        }
    }

    private SessionSlate() {}

    /**
     * Builds the feed.
     *
     * @param pool the candidates to place (indices into {@code outrage} and {@code postIds})
     * @param slots the feed size L (at most the pool's size is filled)
     * @param outrage per candidate index, the outrage-classifier score
     * @param postIds per candidate index, the post id (ties)
     * @param valuation r and p_cont at a context
     */
    public static List<Slot> build(
            int[] pool, int slots, double[] outrage, long[] postIds, Valuation valuation) {
        int[] remaining = pool.clone();
        int count = remaining.length;
        int length = Math.min(slots, count);
        double[] r = new double[count];
        double[] p = new double[count];
        List<Slot> out = new ArrayList<>(length);
        double outrageSeen = 0.0;
        int[] placed = new int[length];
        for (int k = 0; k < length; k++) {
            SessionContext context = new SessionContext(k, 0, k, outrageSeen);
            valuation.value(context, Arrays.copyOf(placed, k), remaining, count, r, p);
            int m = Math.min(length - k - 1, count - 1);
            // Positions in `remaining` by immediate value, best first: the first m + 1 hold the
            // top m of every set C_k without i.
            Integer[] byValue = new Integer[count];
            for (int j = 0; j < count; j++) {
                byValue[j] = j;
            }
            final int[] rem = remaining;
            Arrays.sort(
                    byValue,
                    (a, b) -> {
                        int c = Double.compare(r[b], r[a]);
                        return c != 0 ? c : Long.compare(postIds[rem[b]], postIds[rem[a]]);
                    });
            int best = -1;
            double bestValue = 0.0;
            double bestLook = 0.0;
            for (int j = 0; j < count; j++) {
                double look = lookAhead(r, p, byValue, j, m);
                double value = r[j] + p[j] * look;
                if (best < 0
                        || value > bestValue
                        || (value == bestValue
                                && postIds[remaining[j]] > postIds[remaining[best]])) {
                    best = j;
                    bestValue = value;
                    bestLook = look;
                }
            }
            int chosen = remaining[best];
            out.add(new Slot(chosen, context, r[best], p[best], bestLook));
            placed[k] = chosen;
            outrageSeen += outrage[chosen];
            remaining[best] = remaining[count - 1];
            count--;
            remaining = Arrays.copyOf(remaining, count);
        }
        return out;
    }

    /**
     * V₋ᵢ(k + 1) for the candidate at position {@code self}: r̄ · Σ_{t<m} p̄^t over the m best by r
     * other than itself.
     */
    static double lookAhead(double[] r, double[] p, Integer[] byValue, int self, int m) {
        if (m <= 0) {
            return 0.0;
        }
        double sumR = 0.0;
        double sumP = 0.0;
        int taken = 0;
        for (int j = 0; j < byValue.length && taken < m; j++) {
            int c = byValue[j];
            if (c != self) {
                sumR += r[c];
                sumP += p[c];
                taken++;
            }
        }
        return sumR / taken * expectedLength(sumP / taken, taken);
    }

    /**
     * 1 + p + p² + … + p^(m − 1): the expected slots read of m, each reached with probability p.
     */
    static double expectedLength(double p, int m) {
        double sum = 0.0;
        double power = 1.0;
        for (int t = 0; t < m; t++) {
            sum += power;
            power *= p;
        }
        return sum;
    }
}

package org.feedlab.simulator;

/**
 * Cascades of reshares, counted once they are mature ({@link Cascades#MATURITY_TICKS} after the
 * original post), cumulative since tick 0, by the depth of their deepest reshare.
 *
 * @param matured original posts whose cascade has matured
 * @param single those never reshared (cascade size 1, depth 0)
 * @param depth1 those whose deepest reshare is a reshare of the original (depth 1)
 * @param depth2 those whose deepest reshare is a reshare of a reshare (depth 2)
 * @param depth3 those of depth 3
 * @param depth4Plus those of depth 4 or more
 */
public record CascadeCounts(
        long matured, long single, long depth1, long depth2, long depth3, long depth4Plus) {

    /** No matured cascade. */
    public static final CascadeCounts NONE = new CascadeCounts(0, 0, 0, 0, 0, 0);

    /** Cascades reshared beyond one hop (a reshare of a reshare: depth ≥ 2). */
    public long deep() {
        return depth2 + depth3 + depth4Plus;
    }
}

package org.feedlab.simulator;

/**
 * Cascades of reshares, counted once they are mature ({@link Cascades#MATURITY_TICKS} after the
 * original post), cumulative since tick 0.
 *
 * @param matured original posts whose cascade has matured
 * @param single those never reshared (cascade size 1)
 * @param deep those reshared beyond one hop (a reshare of a reshare: depth ≥ 2)
 */
public record CascadeCounts(long matured, long single, long deep) {

    /** No matured cascade. */
    public static final CascadeCounts NONE = new CascadeCounts(0, 0, 0);
}

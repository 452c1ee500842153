package org.feedlab.ranker.objective;

import java.util.Arrays;

/**
 * Objective state the platform replay computes once per tick and ships to every scorer in the tick
 * context: the bridging intercepts and the outrage-cap multiplier.
 *
 * <p>A plain class with public fields and arrays so Flink can ship it as a POJO.
 */
public final class PlatformSignals {
    /** Posts with a bridging intercept, ascending. */
    public long[] bridgingPosts = new long[0];

    /** Intercept i_n of each post in {@link #bridgingPosts}. */
    public double[] bridgingIntercepts = new double[0];

    /** Lagrange multiplier λ on outrage for the constrained objective (0 without a cap). */
    public double outrageMultiplier;

    /** Share of the previous tick's impressions whose classifier score exceeded 0.5 (NaN: none). */
    public double servedOutrageShare = Double.NaN;

    public PlatformSignals() {}

    /** The bridging intercept of a post; 0 (no evidence either way) when it has no ratings. */
    public double intercept(long postId) {
        int i = Arrays.binarySearch(bridgingPosts, postId);
        return i < 0 ? 0.0 : bridgingIntercepts[i];
    }
}

package org.feedlab.simulator;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Tracks each original post's cascade (size and depth of its reshares) until it matures, then folds
 * it into cumulative counts, so memory stays bounded by the posts of the last few ticks.
 */
final class Cascades {
    /** Ticks after publication at which a cascade is counted; later reshares are rare. */
    static final int MATURITY_TICKS = 10;

    /** Per open root: {tick, reshares, deepest depth}. */
    private final Map<Long, long[]> open = new HashMap<>();

    /** Deepest depth of the reshares of each cascade that matured: 0, 1, 2, 3, 4 and more. */
    private static final int DEPTH_CLASSES = 5;

    private long matured;
    private final long[] byDepth = new long[DEPTH_CLASSES];

    /** A new original post. */
    void started(Content original) {
        open.put(original.postId(), new long[] {original.tick(), 0, 0});
    }

    /** A reshare published in the cascade of its root (ignored once the root has matured). */
    void grew(Content reshare) {
        long[] root = open.get(reshare.rootPostId());
        if (root != null) {
            root[1]++;
            root[2] = Math.max(root[2], reshare.depth());
        }
    }

    /** Folds every cascade whose root is at least {@link #MATURITY_TICKS} old at {@code tick}. */
    void mature(long tick) {
        Iterator<long[]> it = open.values().iterator();
        while (it.hasNext()) {
            long[] root = it.next();
            if (root[0] <= tick - MATURITY_TICKS) {
                matured++;
                byDepth[(int) Math.min(root[2], DEPTH_CLASSES - 1)]++;
                it.remove();
            }
        }
    }

    CascadeCounts counts() {
        return new CascadeCounts(
                matured, byDepth[0], byDepth[1], byDepth[2], byDepth[3], byDepth[4]);
    }
}

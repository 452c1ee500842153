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

    private long matured;
    private long single;
    private long deep;

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
                single += root[1] == 0 ? 1 : 0;
                deep += root[2] >= 2 ? 1 : 0;
                it.remove();
            }
        }
    }

    CascadeCounts counts() {
        return new CascadeCounts(matured, single, deep);
    }
}

package org.feedlab.ranker.policy;

import java.util.Locale;
import org.feedlab.events.Action;
import org.feedlab.events.Post;
import org.feedlab.ranker.features.PostStats;

/**
 * A virality circuit breaker: posts whose cascade has grown past a threshold are no longer
 * distributed out of network (followers still see them). A post trips it when it has been reshared
 * at least {@code maxReshares} times, or when it sits at reshare depth ≥ {@code maxDepth} (a
 * reshare of a reshare of …).
 *
 * @param maxReshares reshares after which out-of-network distribution stops
 * @param maxDepth reshare depth at which out-of-network distribution stops
 */
public record ViralityCircuitBreaker(int maxReshares, int maxDepth) implements FeedPolicy {
    public static final String TYPE = "circuit-breaker";

    /** Longest parent chain followed when measuring depth. */
    private static final int MAX_CHAIN = 64;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "Posts reshared %d times or more, or reshares %d levels deep, are no longer"
                        + " recommended to people who do not follow their author.",
                maxReshares,
                maxDepth);
    }

    @Override
    public void candidates(RankingState state) {
        state.candidates.removeIf(c -> !c.inNetwork() && tripped(c.stats(), state));
    }

    private boolean tripped(PostStats stats, RankingState state) {
        if (stats.actions(Action.RESHARE) >= maxReshares) {
            return true;
        }
        int depth = 0;
        Post p = stats.post();
        while (p.parentPostId() >= 0 && depth < MAX_CHAIN) {
            depth++;
            PostStats parent = state.context.post(p.parentPostId());
            if (parent == null) {
                break;
            }
            p = parent.post();
        }
        return depth >= maxDepth;
    }
}

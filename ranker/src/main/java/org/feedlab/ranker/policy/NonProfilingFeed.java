package org.feedlab.ranker.policy;

import java.util.Locale;
import org.feedlab.events.FeedKind;

/**
 * The recommender option not based on profiling that very large platforms must offer (DSA Art. 38),
 * taken up by a share of users: their feed uses no history at all (no profile, no model, not even
 * the record of what they have seen), only the accounts they chose to follow and, with {@code
 * order: popularity}, global counters that are the same for everyone.
 *
 * @param share share of users who take the option
 * @param order {@code chronological} (followed accounts, newest first) or {@code popularity}
 *     (followed and popular posts, most engaged-with first)
 */
public record NonProfilingFeed(double share, String order) implements FeedPolicy {
    public static final String TYPE = "non-profiling";

    /** Seed purpose of membership draws. */
    public static final String PURPOSE = "non-profiling";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%.1f %% of users use the feed option not based on profiling (DSA Art. 38): %s,"
                        + " without using anything the platform has recorded about them.",
                100 * share,
                "popularity".equals(order)
                        ? "posts ordered by how much everyone engaged with them"
                        : "posts of the accounts they follow, newest first");
    }

    @Override
    public void audience(RankingState state) {
        if (state.kind == FeedKind.RANKED
                && Membership.member(state.runSeed, state.request.userId(), PURPOSE, share)) {
            state.kind =
                    "popularity".equals(order)
                            ? FeedKind.NON_PROFILING_POPULAR
                            : FeedKind.NON_PROFILING_CHRONOLOGICAL;
        }
    }
}

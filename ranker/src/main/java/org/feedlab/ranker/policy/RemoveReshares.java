package org.feedlab.ranker.policy;

import java.util.Locale;

/**
 * Reshares removed from the feeds of a treated share of users (Guess et al., Science 2023b: for
 * three months, treated Facebook users saw no reshared posts): during [start, end) a treated user's
 * candidates lose every post that reshares another ({@code parentPostId ≥ 0}); original posts, in
 * network or not, stay. Any kind of feed is filtered, ranked or not.
 *
 * @param share share of users treated ({@code Seeds(seed, user, "remove-reshares")})
 * @param start first tick without reshares
 * @param end first tick with reshares again, or 0 for none
 */
public record RemoveReshares(double share, int start, int end) implements Intervention {
    public static final String TYPE = "remove-reshares";

    /** Seed purpose of membership draws. */
    public static final String PURPOSE = "remove-reshares";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String purpose() {
        return PURPOSE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "A randomly chosen %.1f %% of users see no reshared posts in their feed %s.",
                100 * share,
                Intervention.window(start, end));
    }

    @Override
    public void candidates(RankingState state) {
        if (actsOn(state)) {
            state.candidates.removeIf(c -> c.stats().post().parentPostId() >= 0);
        }
    }
}

package org.feedlab.ranker.policy;

import java.util.Locale;

/**
 * A randomized, persistent control group that gets a reverse-chronological in-network feed, the
 * baseline algorithmic amplification is measured against (Huszár et al., PNAS 2022: about 1 % of
 * accounts). Feeds of members carry the objective {@value #OBJECTIVE}.
 *
 * @param share share of users in the control group
 */
public record ChronologicalControlGroup(double share) implements FeedPolicy {
    public static final String TYPE = "control-group";

    /** Objective stamped on control-group feeds (the society's amplification metric reads it). */
    public static final String OBJECTIVE = "control-chronological";

    /** Seed purpose of membership draws. */
    public static final String PURPOSE = "control-group";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "A randomly chosen %.1f %% of users form a control group whose feed shows only"
                        + " accounts they follow, newest first, so the effect of ranking can be"
                        + " measured against it.",
                100 * share);
    }

    @Override
    public void audience(RankingState state) {
        if (state.mode == RankingState.Mode.RANKED
                && Membership.member(state.runSeed, state.request.userId(), PURPOSE, share)) {
            state.mode = RankingState.Mode.CONTROL_CHRONOLOGICAL;
        }
    }
}

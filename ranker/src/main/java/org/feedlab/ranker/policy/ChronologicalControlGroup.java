package org.feedlab.ranker.policy;

import java.util.Locale;
import org.feedlab.events.FeedKind;

/**
 * A randomized, persistent control group that gets a reverse-chronological in-network feed, the
 * baseline algorithmic amplification is measured against (Huszár et al., PNAS 2022: about 1 % of
 * accounts). Feeds of members are of kind {@link FeedKind#CONTROL_CHRONOLOGICAL}, which the
 * society's amplification metric reads.
 *
 * @param share share of users in the control group
 */
public record ChronologicalControlGroup(double share) implements FeedPolicy {
    public static final String TYPE = "control-group";

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
        if (state.kind == FeedKind.RANKED
                && Membership.member(state.runSeed, state.request.userId(), PURPOSE, share)) {
            state.kind = FeedKind.CONTROL_CHRONOLOGICAL;
        }
    }
}

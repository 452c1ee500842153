package org.feedlab.simulator;

/**
 * Follow activity by side, as the follow metrics need it. "Same" and "other" compare the camp of
 * the account followed with the follower's; accounts without a camp (non-political creators) are
 * not counted.
 *
 * @param unfollowedSeenSame this tick's impressions of items by unfollowed accounts of the same
 *     camp
 * @param unfollowedSeenOther the same for accounts of the other camp
 * @param followsSame follows made this tick after engaging, of accounts of the same camp
 * @param followsOther the same for the other camp
 * @param backAsksSame since tick 0: users followed by a user of the same camp (each a chance to
 *     follow back)
 * @param backAsksOther the same for a follower of the other camp
 * @param backsSame since tick 0: follow-backs of a follower of the same camp
 * @param backsOther the same for a follower of the other camp
 */
public record FollowCounts(
        long unfollowedSeenSame,
        long unfollowedSeenOther,
        long followsSame,
        long followsOther,
        long backAsksSame,
        long backAsksOther,
        long backsSame,
        long backsOther) {

    /** No follow activity. */
    public static final FollowCounts NONE = new FollowCounts(0, 0, 0, 0, 0, 0, 0, 0);
}

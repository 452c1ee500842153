package org.feedlab.ranker.policy;

import org.feedlab.events.Seeds;

/**
 * Deterministic assignment of users to a share: a user belongs when their draw from {@code
 * Seeds.derive(runSeed, user, 0, purpose)} is below the share, so membership is fixed for the whole
 * run and the same in every engine.
 */
final class Membership {
    private Membership() {}

    static boolean member(long runSeed, int userId, String purpose, double share) {
        return Seeds.derive(runSeed, userId, 0, purpose).nextDouble() < share;
    }
}

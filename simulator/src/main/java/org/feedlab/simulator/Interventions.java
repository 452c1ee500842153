package org.feedlab.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/**
 * The society's field experiments, deactivation (Allcott et al. 2020) and cross-cutting follows
 * (Bail et al. 2018; Levy 2021), in one place: who is treated, when, and what the treatment does. A
 * user is treated by an experiment when {@code Seeds.derive(seed, user, 0, purpose).nextDouble() <
 * share}, so the treated group is fixed for the run and independent of the other experiment's and
 * of the platform's. Parameters: {@link SocietyConfig.Deactivation}, {@link
 * SocietyConfig.CrossFollows}.
 */
final class Interventions {
    /** Seed purpose of deactivation membership. */
    static final String DEACTIVATE = "intervention-deactivate";

    /** Seed purpose of cross-follows membership. */
    static final String CROSS_FOLLOWS = "intervention-cross-follows";

    /** Seed purpose of the accounts a treated user is given to follow. */
    static final String CROSS_FOLLOWS_ACCOUNTS = "intervention-cross-follows-accounts";

    private final SocietyConfig.Deactivation deactivation;
    private final SocietyConfig.CrossFollows crossFollows;
    private final boolean[] deactivated;
    private final boolean[] crossFollowing;

    Interventions(SocietyConfig config, long seed, int users) {
        this.deactivation = config.deactivation();
        this.crossFollows = config.crossFollows();
        this.deactivated = members(seed, users, DEACTIVATE, deactivation.share());
        this.crossFollowing = members(seed, users, CROSS_FOLLOWS, crossFollows.share());
    }

    private static boolean[] members(long seed, int users, String purpose, double share) {
        boolean[] out = new boolean[users];
        for (int u = 0; u < users && share > 0; u++) {
            out[u] = Seeds.derive(seed, u, 0, purpose).nextDouble() < share;
        }
        return out;
    }

    /** Whether any experiment of the society is configured (a share above 0). */
    boolean configured() {
        return deactivation.share() > 0 || crossFollows.share() > 0;
    }

    /** Whether an experiment of the society treats this user (whatever the day). */
    boolean treats(int userId) {
        return deactivated[userId] || crossFollowing[userId];
    }

    /** Whether the user is kept off the app today: treated, and start ≤ day < start + days. */
    boolean offTheApp(int userId, long day) {
        return deactivated[userId]
                && day >= deactivation.start()
                && day < (long) deactivation.start() + deactivation.days();
    }

    /**
     * On day {@code start}, each treated user follows {@code accounts} political creators of the
     * other camp, drawn uniformly without replacement (purpose {@code
     * "intervention-cross-follows-accounts"}) among those the user does not follow; all of them
     * when there are fewer. Returns the number of follows added.
     */
    int addCrossFollows(long day, long seed, User[] users, Creator[] creators) {
        if (day != crossFollows.start()) {
            return 0;
        }
        int added = 0;
        for (User u : users) {
            if (!crossFollowing[u.id]) {
                continue;
            }
            List<Integer> others = new ArrayList<>();
            for (Creator c : creators) {
                if (c.camp() == -u.camp && !FollowGraph.follows(u, c.id())) {
                    others.add(c.id());
                }
            }
            SplittableRandom r = Seeds.derive(seed, u.id, day, CROSS_FOLLOWS_ACCOUNTS);
            int k = Math.min(crossFollows.accounts(), others.size());
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(others.size() - i);
                int pick = others.get(j);
                others.set(j, others.get(i));
                others.set(i, pick);
                FollowGraph.follow(u, pick);
                added++;
            }
        }
        return added;
    }
}

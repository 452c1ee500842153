package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The follow graph: camp homophily at creation, single follows, and follow-back by camp. */
class FollowGraphTest {

    private static double crossCampShare(SocietyConfig config) {
        Society s = Society.create(config, 3);
        int creators = s.creators().length;
        long cross = 0;
        long all = 0;
        for (User u : s.users()) {
            for (int a : u.following) {
                if (a >= creators) {
                    all++;
                    cross += s.users()[a - creators].camp != u.camp ? 1 : 0;
                }
            }
        }
        return (double) cross / all;
    }

    /**
     * With weight e^(−h) for the other camp, a user's follows cross camps with probability 1/(1 +
     * e^h) (two camps of equal size): 0.23 at the default h = 1.2, the share of friends of the
     * opposing ideology on Facebook (Bakshy, Messing and Adamic 2015).
     */
    @Test
    void campHomophilySetsTheShareOfCrossCampFollows() {
        SocietyConfig base = Fixtures.sized(3000, 30);
        assertEquals(1 / (1 + Math.exp(1.2)), crossCampShare(base), 0.02);
        assertEquals(
                0.5, crossCampShare(base.withFollows(base.follows().withCampHomophily(0))), 0.02);
    }

    @Test
    void usersFollowCreatorsOfTopicsTheyCareAbout() {
        SocietyConfig config = Fixtures.sized(2000, 40);
        Society s = Society.create(config, 5);
        double politicalWithoutInterest = 0;
        double politicalWithInterest = 0;
        int low = 0;
        int high = 0;
        for (User u : s.users()) {
            long political =
                    java.util.Arrays.stream(u.following)
                            .filter(a -> a < s.creators().length && s.creators()[a].political())
                            .count();
            if (u.topicInterest[Content.POLITICS] < 0.05) {
                politicalWithoutInterest += political;
                low++;
            } else if (u.topicInterest[Content.POLITICS] > 0.5) {
                politicalWithInterest += political;
                high++;
            }
        }
        assertTrue(low > 0 && high > 0);
        assertTrue(
                politicalWithInterest / high > 3 * politicalWithoutInterest / low,
                politicalWithInterest / high + " vs " + politicalWithoutInterest / low);
    }

    @Test
    void followAndUnfollowKeepTheListSortedAndDistinct() {
        User u = Fixtures.user(0, 1, 0.3);
        u.following = new int[] {2, 5, 9};
        assertTrue(FollowGraph.follow(u, 7));
        assertArrayEquals(new int[] {2, 5, 7, 9}, u.following);
        assertFalse(FollowGraph.follow(u, 5));
        assertTrue(FollowGraph.follow(u, 0));
        assertArrayEquals(new int[] {0, 2, 5, 7, 9}, u.following);
        assertTrue(FollowGraph.unfollow(u, 5));
        assertFalse(FollowGraph.unfollow(u, 5));
        assertArrayEquals(new int[] {0, 2, 7, 9}, u.following);
    }

    /** Mosleh et al. 2021: co-partisans follow back about three times as often. */
    @Test
    void followBackDependsOnTheCamps() {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        User left = Fixtures.user(0, -1, -0.3);
        User alsoLeft = Fixtures.user(1, -1, -0.5);
        User right = Fixtures.user(2, 1, 0.3);
        assertEquals(0.14, FollowGraph.followBackProbability(left, alsoLeft, d), 1e-12);
        assertEquals(0.047, FollowGraph.followBackProbability(left, right, d), 1e-12);
        assertEquals(0.14 - 0.047, 0.093, 1e-12);
    }
}

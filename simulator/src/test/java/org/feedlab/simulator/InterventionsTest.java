package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The society's field experiments: who is treated (a seeded, fixed share with each experiment's own
 * purpose), on which days, and exactly what changes (sessions not opened, follows added).
 */
class InterventionsTest {
    private static final long SEED = 23;

    private static SocietyConfig deactivating(double share, int start, int days) {
        SocietyConfig d = Fixtures.sized(400, 40);
        return d.withDeactivation(new SocietyConfig.Deactivation(share, start, days));
    }

    private static SocietyConfig crossFollowing(double share, int start, int accounts) {
        SocietyConfig d = Fixtures.sized(400, 40);
        return d.withCrossFollows(new SocietyConfig.CrossFollows(share, start, accounts));
    }

    private static boolean member(int user, String purpose, double share) {
        return Seeds.derive(SEED, user, 0, purpose).nextDouble() < share;
    }

    private static List<Integer> openers(Society s, long tick) {
        return s.openSessions(tick).stream().map(FeedRequest::userId).toList();
    }

    @Test
    void theDefaultsRunNoExperiment() {
        Society s = Society.create(Fixtures.sized(400, 40), SEED);
        assertFalse(s.experimenting());
        assertEquals(0, s.intervene(0));
        for (int u = 0; u < 400; u++) {
            assertFalse(s.treats(u));
        }
    }

    @Test
    void deactivatedUsersStayOffTheAppOnExactlyTheirDays() {
        Society treated = Society.create(deactivating(0.3, 2, 3), SEED);
        Society plain = Society.create(Fixtures.sized(400, 40), SEED);
        assertTrue(treated.experimenting());
        int members = 0;
        for (int u = 0; u < 400; u++) {
            boolean m = member(u, "intervention-deactivate", 0.3);
            assertEquals(m, treated.treats(u), "user " + u);
            members += m ? 1 : 0;
        }
        // Binomial(400, 0.3): 120 ± 4.4 standard deviations.
        assertTrue(members > 80 && members < 160, "members " + members);
        int keptOff = 0;
        for (long t = 0; t < 7; t++) {
            boolean off = t >= 2 && t < 5;
            List<Integer> expected =
                    openers(plain, t).stream()
                            .filter(u -> !(off && member(u, "intervention-deactivate", 0.3)))
                            .toList();
            assertEquals(expected, openers(treated, t), "tick " + t);
            keptOff += openers(plain, t).size() - expected.size();
        }
        assertTrue(keptOff > 50, "treated users who would have opened the app: " + keptOff);
    }

    @Test
    void crossFollowsAddTheirAccountsOfTheOtherCampOnTheStartDayOnly() {
        Society treated = Society.create(crossFollowing(0.5, 3, 4), SEED);
        Society plain = Society.create(Fixtures.sized(400, 40), SEED);
        for (long t = 0; t < 3; t++) {
            assertEquals(0, treated.intervene(t));
        }
        int[][] before = following(treated);
        int added = treated.intervene(3);
        int expectedAdded = 0;
        int members = 0;
        for (User u : treated.users()) {
            boolean m = member(u.id, "intervention-cross-follows", 0.5);
            assertEquals(m, treated.treats(u.id));
            int[] now = u.following();
            int[] had = before[u.id];
            assertArrayEquals(plain.users()[u.id].following(), had, "before the start day");
            if (!m) {
                assertArrayEquals(had, now, "untreated user " + u.id);
                continue;
            }
            members++;
            long available =
                    Arrays.stream(treated.creators())
                            .filter(c -> c.camp() == -u.camp)
                            .filter(c -> Arrays.binarySearch(had, c.id()) < 0)
                            .count();
            int[] gained =
                    Arrays.stream(now).filter(a -> Arrays.binarySearch(had, a) < 0).toArray();
            assertEquals(Math.min(4, available), gained.length, "user " + u.id);
            assertEquals(had.length + gained.length, now.length, "nothing unfollowed");
            for (int a : gained) {
                assertTrue(a < treated.creators().length, "a creator: " + a);
                assertEquals(-u.camp, treated.creators()[a].camp(), "of the other camp: " + a);
            }
            expectedAdded += gained.length;
        }
        assertTrue(members > 150 && members < 250, "members " + members);
        assertEquals(expectedAdded, added);
        // About 6 political creators per camp (political_creator_share 0.2 of 60 creators), some
        // already followed: a treated user finds two to four new ones.
        assertTrue(added > 2 * members, "added " + added + " for " + members);
        // The start day has passed: nothing more is added.
        assertEquals(0, treated.intervene(4));
        // Seeded: the same run adds the same accounts.
        Society again = Society.create(crossFollowing(0.5, 3, 4), SEED);
        again.intervene(3);
        assertArrayEquals(following(treated), following(again));
    }

    @Test
    void eachExperimentDrawsItsOwnMembers() {
        SocietyConfig both =
                deactivating(0.5, 0, 1).withCrossFollows(new SocietyConfig.CrossFollows(0.5, 0, 1));
        Society s = Society.create(both, SEED);
        int differ = 0;
        for (int u = 0; u < 400; u++) {
            boolean d = member(u, "intervention-deactivate", 0.5);
            boolean c = member(u, "intervention-cross-follows", 0.5);
            assertEquals(d || c, s.treats(u));
            differ += d != c ? 1 : 0;
        }
        // Independent draws: P(differ) = 0.5, so 200 ± 4.5 standard deviations.
        assertTrue(differ > 155 && differ < 245, "differ " + differ);
    }

    private static int[][] following(Society s) {
        return Arrays.stream(s.users()).map(User::following).toArray(int[][]::new);
    }
}

package org.feedlab.ranker.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.junit.jupiter.api.Test;

/** Checks the platform's per-user aggregates: smoothing, leaning, buckets, sessions, seen set. */
class UserProfileTest {
    private static final double EPS = 1e-12;
    private static final int TOPICS = 4;

    private static Post post(long id, long tick, int topic, double stance, double outrage) {
        return Post.of(id, 1, tick, topic, stance, outrage, -1);
    }

    private static Impression log(long postId, long tick, Action... actions) {
        int bits = 0;
        for (Action a : actions) {
            bits = Impression.with(bits, a);
        }
        return Impression.of(tick * 100, 3, postId, tick, 0, 0, bits);
    }

    @Test
    void anEmptyProfileFallsBackToThePrior() {
        UserProfile u = new UserProfile(TOPICS);
        assertEquals(0.3, u.engagementRate(), EPS);
        assertEquals(0.3, u.topicRate(2), EPS);
        assertEquals(0.3, u.stanceRate(-0.7), EPS);
        assertEquals(0.3, u.outrageRate(0.9), EPS);
        assertEquals(0.0, u.leaning());
        assertEquals(0, u.impressions());
        assertEquals(0, u.sessions());
    }

    @Test
    void ratesAreSmoothedTowardThePrior() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 0, Action.CLICK), post(1, 0, 1, 0.6, 0.9));
        u.apply(log(2, 0, Action.LIKE, Action.COMMENT), post(2, 0, 1, 0.8, 0.1));
        u.apply(log(3, 0), post(3, 0, 2, -0.5, 0.9));
        u.apply(log(4, 0, Action.HIDE), post(4, 0, 1, -0.9, 0.5));
        // Two engaged of four: a hide is not engagement.
        double rate = (2 + 2 * 0.3) / (4 + 2);
        assertEquals(rate, u.engagementRate(), EPS);
        // Topic 1: two engaged of three; topic 2: none of one; topic 3: unseen, the user's rate.
        assertEquals((2 + 2 * rate) / (3 + 2), u.topicRate(1), EPS);
        assertEquals((0 + 2 * rate) / (1 + 2), u.topicRate(2), EPS);
        assertEquals(rate, u.topicRate(3), EPS);
        // Outrage buckets: [0, 1/3) holds post 2, [2/3, 1] posts 1 and 3, the middle post 4.
        assertEquals((1 + 2 * rate) / (1 + 2), u.outrageRate(0.0), EPS);
        assertEquals((1 + 2 * rate) / (2 + 2), u.outrageRate(0.95), EPS);
        assertEquals((0 + 2 * rate) / (1 + 2), u.outrageRate(0.5), EPS);
        // Stance buckets of width 0.4: 0.6 and 0.8 share the top bucket.
        assertEquals((2 + 2 * rate) / (2 + 2), u.stanceRate(1.0), EPS);
        assertEquals((0 + 2 * rate) / (1 + 2), u.stanceRate(-0.9), EPS);
    }

    @Test
    void leaningIsTheMeanStanceOfEngagedPostsOnly() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 0, Action.CLICK), post(1, 0, 0, 0.6, 0.1));
        u.apply(log(2, 0, Action.RESHARE), post(2, 0, 0, 0.2, 0.1));
        u.apply(log(3, 0), post(3, 0, 0, -1.0, 0.1));
        u.apply(log(4, 0, Action.HIDE), post(4, 0, 0, -1.0, 0.1));
        assertEquals(0.4, u.leaning(), EPS);
        // An engaged post without a side (stance 0, not political) leaves the leaning alone.
        u.apply(log(5, 0, Action.LIKE), post(5, 0, 2, 0.0, 0.0));
        assertEquals(0.4, u.leaning(), EPS);
        // The checkpoint form keeps the count of engaged posts with a side: a restored profile
        // leans the same way and goes on the same way.
        UserProfile restored = u.copy();
        assertEquals(0.4, restored.leaning(), EPS);
        restored.apply(log(6, 0, Action.LIKE), post(6, 0, 0, -0.5, 0.1));
        assertEquals((0.6 + 0.2 - 0.5) / 3, restored.leaning(), EPS);
    }

    @Test
    void topicsOutsideTheRangeWrapAround() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 0, Action.CLICK), post(1, 0, -1, 0.0, 0.0));
        assertEquals(u.topicRate(3), u.topicRate(-1), EPS);
        assertEquals(u.topicRate(3), u.topicRate(7), EPS);
        assertTrue(u.topicRate(3) > u.topicRate(0));
    }

    @Test
    void sessionsCountTicksWithImpressions() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 2), post(1, 1, 0, 0, 0));
        u.apply(log(2, 2), post(2, 1, 0, 0, 0));
        u.apply(log(3, 5), post(3, 4, 0, 0, 0));
        assertEquals(2, u.sessions());
        assertEquals(3, u.impressions());
    }

    @Test
    void seenPostsAreForgottenOnceTooOld() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 5), post(1, 3, 0, 0, 0));
        u.apply(log(2, 5), post(2, 4, 0, 0, 0));
        assertTrue(u.hasSeen(1));
        assertTrue(u.hasSeen(2));
        assertFalse(u.hasSeen(3));
        u.forgetSeenBefore(4);
        assertFalse(u.hasSeen(1));
        assertTrue(u.hasSeen(2));
    }

    @Test
    void bucketsSplitTheirRangesEvenlyAndClamp() {
        assertEquals(0, Buckets.stance(-1.0));
        assertEquals(0, Buckets.stance(-0.61));
        assertEquals(1, Buckets.stance(-0.6));
        assertEquals(2, Buckets.stance(0.0));
        assertEquals(4, Buckets.stance(1.0));
        assertEquals(0, Buckets.stance(-3.0));
        assertEquals(4, Buckets.stance(3.0));
        assertEquals(0, Buckets.outrage(0.0));
        assertEquals(0, Buckets.outrage(0.33));
        assertEquals(1, Buckets.outrage(0.34));
        assertEquals(2, Buckets.outrage(0.67));
        assertEquals(2, Buckets.outrage(1.0));
        assertEquals(0, Buckets.outrage(-0.2));
    }
}

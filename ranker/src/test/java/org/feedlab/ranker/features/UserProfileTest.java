package org.feedlab.ranker.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
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

    @Test
    void authorRatesAndTheTopTopicComeFromEngagements() {
        UserProfile u = new UserProfile(TOPICS);
        assertEquals(-1, u.topTopic());
        assertEquals(-1, u.lastSessionTick());
        u.apply(log(1, 2, Action.CLICK), Post.of(1, 7, 2, 3, 0.1, 0.1, -1));
        u.apply(log(2, 2), Post.of(2, 7, 2, 1, 0.1, 0.1, -1));
        u.apply(log(3, 4, Action.HIDE), Post.of(3, 8, 2, 1, 0.1, 0.1, -1));
        u.apply(log(4, 4, Action.LIKE), Post.of(4, 8, 2, 1, 0.1, 0.1, -1));
        double rate = (2 + 2 * 0.3) / (4 + 2);
        assertEquals(rate, u.engagementRate(), EPS);
        // Author 7: one engaged of two; author 8: one of two (a hide is no engagement); author 9
        // unseen: the user's rate.
        assertEquals((1 + 2 * rate) / (2 + 2), u.authorRate(7), EPS);
        assertEquals((1 + 2 * rate) / (2 + 2), u.authorRate(8), EPS);
        assertEquals(rate, u.authorRate(9), EPS);
        // Topics 1 and 3 tie at one engagement: the lower id wins.
        assertEquals(1, u.topTopic());
        u.apply(log(5, 4, Action.CLICK), Post.of(5, 7, 2, 3, 0.1, 0.1, -1));
        assertEquals(3, u.topTopic());
        assertEquals(4, u.lastSessionTick());
        assertEquals(2, u.sessions());
        // Only posts the platform still knows count.
        u.apply(log(6, 6, Action.CLICK), id -> null);
        assertEquals(5, u.impressions());
        u.apply(log(6, 6, Action.CLICK), id -> new PostStats(Post.of(id, 9, 6, 0, 0, 0, -1)));
        assertEquals(6, u.impressions());
        assertEquals(6, u.lastSessionTick());
    }

    @Test
    void theInteractionSequenceKeepsTheLastTenActedOnOldestFirst() {
        UserProfile u = new UserProfile(TOPICS);
        assertEquals(0, u.historySize());
        // Twelve items, every third only seen (no action): 8 acted on.
        int acted = 0;
        for (int i = 0; i < 12; i++) {
            Action[] a = i % 3 == 2 ? new Action[0] : new Action[] {Action.values()[i % 6]};
            u.apply(log(i, 1, a), Post.of(i, 100 + i, 1, i, i / 20.0, i / 40.0, -1));
            acted += a.length;
        }
        assertEquals(8, acted);
        assertEquals(8, u.historySize());
        assertEquals(100, u.historyAuthor(0));
        assertEquals(101, u.historyAuthor(1));
        assertEquals(103, u.historyAuthor(2));
        assertEquals(110, u.historyAuthor(7));
        assertEquals(10, u.historyTopic(7));
        assertEquals((float) 0.5, u.historyStance(7));
        assertEquals((float) 0.25, u.historyOutrage(7));
        assertEquals(Impression.with(0, Action.values()[4]), u.historyActions(7));
        // Four more acted on: the ring wraps and the two oldest leave.
        for (int i = 12; i < 16; i++) {
            u.apply(log(i, 1, Action.CLICK), Post.of(i, 100 + i, 1, i, 0.0, 0.0, -1));
        }
        assertEquals(10, u.historySize());
        assertEquals(103, u.historyAuthor(0));
        assertEquals(104, u.historyAuthor(1));
        assertEquals(115, u.historyAuthor(9));
        assertEquals(15, u.historyTopic(9));
        // The checkpoint form keeps the ring as it is.
        UserProfile copy = u.copy();
        for (int i = 0; i < 10; i++) {
            assertEquals(u.historyAuthor(i), copy.historyAuthor(i));
            assertEquals(u.historyActions(i), copy.historyActions(i));
        }
        copy.apply(log(16, 1, Action.LIKE), Post.of(16, 116, 1, 0, 0.0, 0.0, -1));
        assertEquals(104, copy.historyAuthor(0));
        assertEquals(116, copy.historyAuthor(9));
        assertEquals(103, u.historyAuthor(0));
    }

    @Test
    void aProfileOfTheFormBeforeTheSequenceReadsWithAnEmptyOne() throws IOException {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 3, Action.CLICK), post(1, 3, 2, 0.6, 0.9));
        u.apply(log(2, 5, Action.HIDE), post(2, 5, 1, -0.4, 0.1));
        byte[] full = bytes(u);
        // The old form ends where the sequence begins.
        int sequence = 5 * (4 + 4 * FeatureSpace.HISTORY) + 2 * 4;
        byte[] old = Arrays.copyOf(full, full.length - sequence);
        UserProfile back = UserProfile.readFrom(in(old), false);
        assertEquals(0, back.historySize());
        assertEquals(u.impressions(), back.impressions());
        assertEquals(u.sessions(), back.sessions());
        assertEquals(5, back.lastSessionTick());
        assertEquals(u.leaning(), back.leaning(), 0.0);
        assertEquals(u.topicRate(2), back.topicRate(2), 0.0);
        assertEquals(u.stanceRate(-0.4), back.stanceRate(-0.4), 0.0);
        assertEquals(u.outrageRate(0.9), back.outrageRate(0.9), 0.0);
        assertEquals(u.authorRate(1), back.authorRate(1), 0.0);
        assertTrue(back.hasSeen(2));
        back.apply(log(3, 6, Action.LIKE), post(3, 6, 0, 0.0, 0.0));
        assertEquals(1, back.historySize());
        assertEquals(3, back.sessions());
        // The full form: the same bytes again.
        assertArrayEquals(full, bytes(UserProfile.readFrom(in(full))));
        assertEquals(2, UserProfile.readFrom(in(full)).historySize());
    }

    @Test
    void corruptedProfilesAreRefused() throws IOException {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 3, Action.CLICK), post(1, 3, 2, 0.6, 0.9));
        byte[] full = bytes(u);
        // topics is the first int; the sequence's size and next write are the last two.
        assertCorrupt("corrupted profile: topic arrays do not match 5", patched(full, 0, 5));
        int size = full.length - 8;
        int next = full.length - 4;
        assertCorrupt("corrupted profile: interaction sequence", patched(full, size, -1));
        assertCorrupt("corrupted profile: interaction sequence", patched(full, size, 11));
        assertCorrupt("corrupted profile: interaction sequence", patched(full, next, -1));
        assertCorrupt("corrupted profile: interaction sequence", patched(full, next, 10));
        UserProfile edge = UserProfile.readFrom(in(patched(patched(full, size, 10), next, 9)));
        assertEquals(10, edge.historySize());
        UserProfile zero = UserProfile.readFrom(in(patched(patched(full, size, 0), next, 0)));
        assertEquals(0, zero.historySize());
        // A sequence array of the wrong length, each in turn.
        int at = full.length - 8;
        int[] arrayStarts = new int[5];
        for (int k = 4; k >= 0; k--) {
            at -= 4 + 4 * FeatureSpace.HISTORY;
            arrayStarts[k] = at;
        }
        for (int k = 0; k < 5; k++) {
            byte[] shorter = new byte[full.length - 4];
            // Length 9 instead of 10, and one element fewer.
            System.arraycopy(full, 0, shorter, 0, arrayStarts[k]);
            java.nio.ByteBuffer.wrap(shorter).putInt(arrayStarts[k], FeatureSpace.HISTORY - 1);
            System.arraycopy(
                    full,
                    arrayStarts[k] + 8,
                    shorter,
                    arrayStarts[k] + 4,
                    full.length - arrayStarts[k] - 8);
            assertCorrupt("corrupted profile: interaction sequence", shorter);
        }
        // The topic arrays each in turn: the impressions one, then the engaged one, one short.
        for (int k = 0; k < 2; k++) {
            int start = 3 * 4 + k * (4 + 4 * TOPICS);
            byte[] shorter = new byte[full.length - 4];
            System.arraycopy(full, 0, shorter, 0, start);
            java.nio.ByteBuffer.wrap(shorter).putInt(start, TOPICS - 1);
            System.arraycopy(full, start + 8, shorter, start + 4, full.length - start - 8);
            assertCorrupt("corrupted profile: topic arrays do not match 4", shorter);
        }
    }

    private static byte[] patched(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        java.nio.ByteBuffer.wrap(copy).putInt(at, value);
        return copy;
    }

    private static void assertCorrupt(String message, byte[] bytes) {
        IOException e = assertThrows(IOException.class, () -> UserProfile.readFrom(in(bytes)));
        assertEquals(message, e.getMessage());
    }

    private static byte[] bytes(UserProfile u) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        u.writeTo(out);
        out.flush();
        return buffer.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}

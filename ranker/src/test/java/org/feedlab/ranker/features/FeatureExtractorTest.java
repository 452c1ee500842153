package org.feedlab.ranker.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.junit.jupiter.api.Test;

/** Checks each dense feature against its definition, computed by hand. */
class FeatureExtractorTest {
    /** Features are stored as floats. */
    private static final double EPS = 1e-6;

    private static final int USER = 3;

    private static final int TOPICS = 4;

    private static Impression log(long postId, long tick, Action... actions) {
        int bits = 0;
        for (Action a : actions) {
            bits = Impression.with(bits, a);
        }
        return Impression.of(tick * 100, 3, postId, tick, 0, 0, bits);
    }

    private static float[] extract(
            UserProfile u, PostStats p, int followers, long tick, boolean inNetwork) {
        float[] x = new float[Feature.count()];
        FeatureExtractor.extract(
                new Viewer(USER, u, tick, SessionContext.TOP), p, followers, inNetwork, x, 0);
        return x;
    }

    private static double f(float[] x, Feature feature) {
        return x[feature.ordinal()];
    }

    /** A user who engaged with two right-leaning posts (stances 0.4 and 0.8). */
    private static UserProfile rightLeaning() {
        UserProfile u = new UserProfile(TOPICS);
        u.apply(log(1, 0, Action.CLICK), Post.of(1, 1, 0, 0, 0.4, 0.2, -1));
        u.apply(log(2, 0, Action.LIKE), Post.of(2, 1, 0, 1, 0.8, 0.8, -1));
        u.apply(log(3, 0), Post.of(3, 1, 0, 1, -0.6, 0.8, -1));
        return u;
    }

    @Test
    void namesAreDistinctAndInVectorOrder() {
        List<String> names = Feature.names();
        assertEquals(Feature.count(), names.size());
        assertEquals(names.size(), new HashSet<>(names).size());
        assertEquals("post.outrage_score", names.get(Feature.OUTRAGE_SCORE.ordinal()));
        assertEquals(Feature.Group.USER_X_POST, Feature.SAME_SIDE.group());
    }

    @Test
    void postCountersAreSmoothedTowardPriors() {
        PostStats fresh = new PostStats(Post.of(9, 1, 3, 0, 0.1, 0.5, -1));
        float[] x = extract(new UserProfile(TOPICS), fresh, 0, 3, false);
        assertEquals(0.3, f(x, Feature.CLICK_RATE), EPS);
        assertEquals(0.1, f(x, Feature.LIKE_RATE), EPS);
        assertEquals(0.03, f(x, Feature.RESHARE_RATE), EPS);
        assertEquals(0.03, f(x, Feature.COMMENT_RATE), EPS);
        assertEquals(0.02, f(x, Feature.HIDE_RATE), EPS);
        assertEquals(0.0, f(x, Feature.LOG_IMPRESSIONS), EPS);

        PostStats seen = new PostStats(Post.of(9, 1, 3, 0, 0.1, 0.5, -1));
        seen.apply(log(9, 3, Action.CLICK, Action.COMMENT));
        seen.apply(log(9, 3, Action.CLICK));
        seen.apply(log(9, 3, Action.HIDE));
        seen.apply(log(9, 3));
        seen.apply(log(9, 3));
        x = extract(new UserProfile(TOPICS), seen, 0, 3, false);
        assertEquals((2 + 5 * 0.3) / 10, f(x, Feature.CLICK_RATE), EPS);
        assertEquals((0 + 5 * 0.1) / 10, f(x, Feature.LIKE_RATE), EPS);
        assertEquals((1 + 5 * 0.03) / 10, f(x, Feature.COMMENT_RATE), EPS);
        assertEquals((1 + 5 * 0.02) / 10, f(x, Feature.HIDE_RATE), EPS);
        assertEquals(Math.log1p(5), f(x, Feature.LOG_IMPRESSIONS), EPS);
        assertEquals(3, seen.engagements());
    }

    @Test
    void postAndGraphFeatures() {
        PostStats reshare = new PostStats(Post.of(9, 1, 3, 2, -0.7, 0.6, 4));
        float[] x = extract(new UserProfile(TOPICS), reshare, 20, 5, true);
        assertEquals(0.6, f(x, Feature.OUTRAGE_SCORE), EPS);
        assertEquals(0.7, f(x, Feature.STANCE_ABS), EPS);
        assertEquals(2, f(x, Feature.AGE), EPS);
        assertEquals(Math.log1p(20) / 5.0, f(x, Feature.LOG_AUTHOR_FOLLOWERS), EPS);
        assertEquals(1, f(x, Feature.IS_RESHARE));
        assertEquals(1, f(x, Feature.IN_NETWORK));
        // An original post, out of network, ranked at a tick before it was published (age ≥ 0).
        float[] y =
                extract(
                        new UserProfile(TOPICS),
                        new PostStats(Post.of(9, 1, 3, 2, -0.7, 0.6, -1)),
                        0,
                        2,
                        false);
        assertEquals(0, f(y, Feature.IS_RESHARE));
        assertEquals(0, f(y, Feature.IN_NETWORK));
        assertEquals(0, f(y, Feature.AGE));
    }

    @Test
    void userAndAffinityFeaturesComeFromTheProfile() {
        UserProfile u = rightLeaning();
        PostStats p = new PostStats(Post.of(9, 1, 3, 1, 0.9, 0.9, -1));
        float[] x = extract(u, p, 0, 3, false);
        assertEquals(u.engagementRate(), f(x, Feature.USER_ENGAGEMENT_RATE), EPS);
        assertEquals(Math.log1p(1), f(x, Feature.USER_LOG_SESSIONS), EPS);
        assertEquals(u.topicRate(1), f(x, Feature.TOPIC_AFFINITY), EPS);
        assertEquals(u.stanceRate(0.9), f(x, Feature.STANCE_AFFINITY), EPS);
        assertEquals(u.outrageRate(0.9), f(x, Feature.OUTRAGE_AFFINITY), EPS);
        assertEquals(0.9 * u.outrageRate(0.9), f(x, Feature.OUTRAGE_X_AFFINITY), EPS);
        // Topic 1: one engaged of two.
        double rate = (2 + 0.6) / 5;
        assertEquals((1 + 2 * rate) / 4, f(x, Feature.TOPIC_AFFINITY), EPS);
    }

    @Test
    void sameSideContentHasNoOutgroupOutrage() {
        UserProfile u = rightLeaning();
        assertEquals(0.6, u.leaning(), 1e-12);
        float[] x = extract(u, new PostStats(Post.of(9, 1, 3, 0, 0.3, 0.8, -1)), 0, 3, false);
        assertEquals(1, f(x, Feature.SAME_SIDE));
        assertEquals(0, f(x, Feature.OUTGROUP_OUTRAGE));
        assertEquals(Math.abs(0.6 - 0.3) / 2, f(x, Feature.STANCE_DISTANCE), EPS);
    }

    @Test
    void contentWithoutASideIsNeverOutgroup() {
        UserProfile u = rightLeaning();
        float[] x = extract(u, new PostStats(Post.of(9, 1, 3, 2, 0.0, 0.1, -1)), 0, 3, false);
        assertEquals(1, f(x, Feature.SAME_SIDE));
        assertEquals(0, f(x, Feature.OUTGROUP_OUTRAGE));
    }

    @Test
    void otherSideContentCarriesItsOutrageAsOutgroupOutrage() {
        UserProfile u = rightLeaning();
        float[] x = extract(u, new PostStats(Post.of(9, 1, 3, 0, -0.5, 0.8, -1)), 0, 3, false);
        assertEquals(0, f(x, Feature.SAME_SIDE));
        assertEquals(0.8, f(x, Feature.OUTGROUP_OUTRAGE), EPS);
        assertEquals((0.6 + 0.5) / 2, f(x, Feature.STANCE_DISTANCE), EPS);
    }

    @Test
    void aUserWithNoLeaningHasNoOutgroup() {
        float[] x =
                extract(
                        new UserProfile(TOPICS),
                        new PostStats(Post.of(9, 1, 3, 0, -0.9, 0.9, -1)),
                        0,
                        3,
                        false);
        assertEquals(1, f(x, Feature.SAME_SIDE));
        assertEquals(0, f(x, Feature.OUTGROUP_OUTRAGE));
        assertEquals(0.45, f(x, Feature.STANCE_DISTANCE), EPS);
    }

    @Test
    void historyIdsAndSessionContextHoldTheirValues() {
        UserProfile u = rightLeaning();
        PostStats p = new PostStats(Post.of(9, 7, 3, 0, -0.5, 0.8, -1));
        float[] x = new float[Feature.count()];
        FeatureExtractor.extract(
                new Viewer(USER, u, 5, new SessionContext(3, 1, 2, 1.5)), p, 4, true, x, 0);
        // Two items acted on (click on post 1, like on post 2); the third was only seen.
        assertEquals(0.2, f(x, Feature.HISTORY_LENGTH), EPS);
        assertEquals((0.4 + 0.8) / 2, f(x, Feature.HISTORY_STANCE), EPS);
        assertEquals((0.4 + 0.8) / 2, f(x, Feature.HISTORY_STANCE_ABS), EPS);
        assertEquals((0.2 + 0.8) / 2, f(x, Feature.HISTORY_OUTRAGE), EPS);
        assertEquals(0.5, f(x, Feature.HISTORY_CLICK), EPS);
        assertEquals(0.5, f(x, Feature.HISTORY_LIKE), EPS);
        assertEquals(0.0, f(x, Feature.HISTORY_HIDE), EPS);
        assertEquals(0.5, x[FeatureSpace.HISTORY_TOPICS.offset()], EPS);
        assertEquals(0.5, x[FeatureSpace.HISTORY_TOPICS.offset() + 1], EPS);
        float author1 = 1f + FeatureSpace.bucket(FeatureSpace.HISTORY_AUTHORS, 1);
        assertEquals(author1, x[FeatureSpace.HISTORY_AUTHORS.offset()]);
        assertEquals(author1, x[FeatureSpace.HISTORY_AUTHORS.offset() + 1]);
        assertEquals(0f, x[FeatureSpace.HISTORY_AUTHORS.offset() + 2]);
        assertEquals(
                1f + FeatureSpace.bucket(FeatureSpace.USER_ID, USER),
                x[FeatureSpace.USER_ID.offset()]);
        assertEquals(
                1f + FeatureSpace.bucket(FeatureSpace.AUTHOR_ID, 7),
                x[FeatureSpace.AUTHOR_ID.offset()]);
        assertEquals(Math.log1p(3), f(x, Feature.SESSION_POSITION), EPS);
        assertEquals(1.0, f(x, Feature.SESSION_INDEX), EPS);
        assertEquals(Math.log1p(2), f(x, Feature.SESSION_ITEMS), EPS);
        assertEquals(1.5, f(x, Feature.SESSION_OUTRAGE), EPS);
        // The checkpoint form keeps the sequence.
        float[] copied = new float[Feature.count()];
        FeatureExtractor.extract(
                new Viewer(USER, u.copy(), 5, new SessionContext(3, 1, 2, 1.5)),
                p,
                4,
                true,
                copied,
                0);
        assertArrayEquals(x, copied);
    }

    @Test
    void extractionIsPureAndWritesOnlyItsSlice() {
        UserProfile u = rightLeaning();
        PostStats p = new PostStats(Post.of(9, 1, 3, 0, -0.5, 0.8, -1));
        int n = Feature.count();
        float[] batch = new float[3 * n];
        Arrays.fill(batch, -7f);
        FeatureExtractor.extract(new Viewer(USER, u, 5, SessionContext.TOP), p, 4, true, batch, n);
        float[] alone = extract(u, p, 4, 5, true);
        assertArrayEquals(alone, Arrays.copyOfRange(batch, n, 2 * n));
        for (int i = 0; i < n; i++) {
            assertEquals(-7f, batch[i]);
            assertEquals(-7f, batch[2 * n + i]);
        }
        assertArrayEquals(alone, extract(u, p, 4, 5, true));
        assertTrue(alone[Feature.IN_NETWORK.ordinal()] == 1f);
    }

    @Test
    void userSideSlotsAreTheUsersAloneAndEqualForEveryCandidate() {
        List<Integer> expected = new java.util.ArrayList<>();
        expected.add(Feature.USER_ENGAGEMENT_RATE.ordinal());
        expected.add(Feature.USER_LOG_SESSIONS.ordinal());
        expected.add(Feature.RECENCY.ordinal());
        for (int f = Feature.HISTORY_LENGTH.ordinal();
                f <= Feature.SESSION_OUTRAGE.ordinal();
                f++) {
            expected.add(f);
        }
        for (FeatureSpace.Field field :
                List.of(
                        FeatureSpace.USER_LEANING_BUCKET,
                        FeatureSpace.USER_ID,
                        FeatureSpace.HISTORY_AUTHORS,
                        FeatureSpace.HISTORY_TOPICS)) {
            for (int k = 0; k < field.width(); k++) {
                expected.add(field.offset() + k);
            }
        }
        int[] slots = FeatureSpace.userSideSlots();
        assertEquals(expected, Arrays.stream(slots).boxed().toList());
        // One user at one tick: every candidate (post, followers, network) has the same values
        // there, and every other field varies over these candidates.
        UserProfile u = rightLeaning();
        boolean[] varies = new boolean[Feature.count()];
        float[] first = null;
        for (int p = 0; p < 40; p++) {
            Post post =
                    Post.of(
                            100 + p,
                            p % 7,
                            p % 5,
                            p % TOPICS,
                            (p % 9) / 4.0 - 1,
                            (p % 11) / 10.0,
                            p % 6 == 0 ? 1 : -1);
            PostIndex index = new PostIndex();
            index.addPost(post);
            for (int i = 0; i < p % 4; i++) {
                index.applyImpression(
                        log(post.postId(), 2, i % 2 == 0 ? Action.CLICK : Action.HIDE));
            }
            PostStats stats = index.get(post.postId());
            float[] x = extract(u, stats, p * 3, 6, p % 2 == 0);
            if (first == null) {
                first = x;
            }
            for (int s = 0; s < x.length; s++) {
                varies[s] |= x[s] != first[s];
            }
        }
        for (FeatureSpace.Field field : FeatureSpace.fields()) {
            boolean any = false;
            for (int k = 0; k < field.width(); k++) {
                any |= varies[field.offset() + k];
            }
            assertEquals(!field.group().userSide(), any, field.name());
        }
        // A different user changes them.
        float[] other =
                extract(
                        new UserProfile(TOPICS),
                        new PostStats(Post.of(1, 1, 0, 0, 0.4, 0.2, -1)),
                        3,
                        6,
                        true);
        float[] same = extract(u, new PostStats(Post.of(1, 1, 0, 0, 0.4, 0.2, -1)), 3, 6, true);
        assertTrue(Arrays.stream(slots).anyMatch(s -> other[s] != same[s]));
    }

    @Test
    void oneHotFieldsCrossesAndRecencyHoldTheirSlots() {
        // Right-leaning (0.6, bucket 4), engaged with topics 0 and 1 once each (top topic 0), last
        // session at tick 0.
        UserProfile u = rightLeaning();
        // Topic 65 folds into slot 1; stance −0.5 is bucket 1, outrage 0.5 bucket 1.
        PostStats p = new PostStats(Post.of(9, 8, 1, 65, -0.5, 0.5, -1));
        p.apply(log(9, 2, Action.CLICK, Action.LIKE));
        p.apply(log(9, 2, Action.HIDE));
        p.apply(log(9, 2, Action.RESHARE));
        float[] x = new float[Feature.count()];
        Arrays.fill(x, 5f);
        FeatureExtractor.extract(new Viewer(USER, u, 4, SessionContext.TOP), p, 0, false, x, 0);
        int[] hot = {
            FeatureSpace.POST_TOPIC.offset() + 1,
            FeatureSpace.POST_STANCE_BUCKET.offset() + 1,
            FeatureSpace.POST_OUTRAGE_BUCKET.offset() + 1,
            FeatureSpace.USER_LEANING_BUCKET.offset() + 4,
            FeatureSpace.LEANING_X_STANCE.offset() + 4 * Buckets.STANCE + 1,
        };
        for (FeatureSpace.Field field :
                List.of(
                        FeatureSpace.POST_TOPIC,
                        FeatureSpace.POST_STANCE_BUCKET,
                        FeatureSpace.POST_OUTRAGE_BUCKET,
                        FeatureSpace.USER_LEANING_BUCKET,
                        FeatureSpace.LEANING_X_STANCE)) {
            for (int k = 0; k < field.width(); k++) {
                int slot = field.offset() + k;
                boolean on = Arrays.stream(hot).anyMatch(h -> h == slot);
                assertEquals(on ? 1f : 0f, x[slot], field.slotName(k));
            }
        }
        // The post's topic (slot 1) is not the user's top topic (0).
        assertEquals(0f, x[FeatureSpace.TOPIC_MATCH.offset()]);
        // Outrage bucket 1 holds the outrage affinity, the others 0.
        int rate = FeatureSpace.OUTRAGE_X_RATE.offset();
        assertEquals(0f, x[rate]);
        assertEquals(u.outrageRate(0.5), x[rate + 1], EPS);
        assertEquals(0f, x[rate + 2]);
        // Four ticks since the last session, out of ten; velocity: log(1 + 3 engagements / 4).
        assertEquals(0.4, f(x, Feature.RECENCY), EPS);
        assertEquals(Math.log1p(3 / 4.0), f(x, Feature.ENGAGEMENT_VELOCITY), EPS);
        assertEquals(u.authorRate(8), f(x, Feature.AUTHOR_AFFINITY), EPS);
        // Topic 64 + 0 matches the top topic 0; recency saturates at ten ticks.
        PostStats q = new PostStats(Post.of(10, 1, 0, 64, 0.9, 0.1, -1));
        FeatureExtractor.extract(new Viewer(USER, u, 30, SessionContext.TOP), q, 0, false, x, 0);
        assertEquals(1f, x[FeatureSpace.TOPIC_MATCH.offset()]);
        assertEquals(1f, x[FeatureSpace.POST_TOPIC.offset()]);
        assertEquals(0f, x[FeatureSpace.POST_TOPIC.offset() + 1]);
        assertEquals(1.0, f(x, Feature.RECENCY), EPS);
        assertEquals(1f, x[FeatureSpace.LEANING_X_STANCE.offset() + 4 * Buckets.STANCE + 4]);
        assertEquals(0f, x[FeatureSpace.LEANING_X_STANCE.offset() + 4 * Buckets.STANCE + 1]);
        assertEquals(u.outrageRate(0.1), x[rate], EPS);
        assertEquals(0f, x[rate + 1]);
        // A user without sessions: recency 1, no top topic, no match, leaning bucket 2.
        UserProfile blank = new UserProfile(TOPICS);
        FeatureExtractor.extract(new Viewer(USER, blank, 3, SessionContext.TOP), q, 0, false, x, 0);
        assertEquals(1.0, f(x, Feature.RECENCY), EPS);
        assertEquals(0f, x[FeatureSpace.TOPIC_MATCH.offset()]);
        assertEquals(1f, x[FeatureSpace.USER_LEANING_BUCKET.offset() + 2]);
        assertEquals(0f, x[FeatureSpace.USER_LEANING_BUCKET.offset() + 4]);
        assertEquals(0.0, f(x, Feature.HISTORY_LENGTH), EPS);
        assertEquals(0.0, f(x, Feature.HISTORY_STANCE), EPS);
        assertEquals(0f, x[FeatureSpace.HISTORY_TOPICS.offset()]);
        assertEquals(0f, x[FeatureSpace.HISTORY_AUTHORS.offset()]);
        // One tick after the session: a tenth.
        FeatureExtractor.extract(new Viewer(USER, u, 1, SessionContext.TOP), q, 0, false, x, 0);
        assertEquals(0.1, f(x, Feature.RECENCY), EPS);
        // A post published later than the tick has age 0 and velocity log(1 + engagements).
        FeatureExtractor.extract(new Viewer(USER, u, 0, SessionContext.TOP), p, 0, false, x, 0);
        assertEquals(Math.log1p(3), f(x, Feature.ENGAGEMENT_VELOCITY), EPS);
    }

    @Test
    void historyFeaturesAverageOverAFullSequence() {
        UserProfile u = new UserProfile(TOPICS);
        // Twelve acted-on items: the sequence keeps the last ten (i = 2..11).
        for (int i = 0; i < 12; i++) {
            Action a = i % 2 == 0 ? Action.ANGRY : Action.RESHARE;
            u.apply(
                    log(i, 1, a),
                    Post.of(i, 50 + i, 1, i % 3, i % 2 == 0 ? -0.5 : 0.25, 0.1 * (i % 4), -1));
        }
        PostStats p = new PostStats(Post.of(99, 1, 1, 0, 0, 0, -1));
        float[] x = extract(u, p, 0, 2, false);
        assertEquals(1.0, f(x, Feature.HISTORY_LENGTH), EPS);
        // i = 2..11: five at −0.5, five at 0.25.
        assertEquals((5 * -0.5 + 5 * 0.25) / 10, f(x, Feature.HISTORY_STANCE), EPS);
        assertEquals((5 * 0.5 + 5 * 0.25) / 10, f(x, Feature.HISTORY_STANCE_ABS), EPS);
        // Outrage 0.1 · (i mod 4) over i = 2..11: 0.2 0.3 0 0.1 0.2 0.3 0 0.1 0.2 0.3.
        assertEquals(1.7 / 10, f(x, Feature.HISTORY_OUTRAGE), EPS);
        assertEquals(0.5, f(x, Feature.HISTORY_ANGRY), EPS);
        assertEquals(0.5, f(x, Feature.HISTORY_RESHARE), EPS);
        assertEquals(0.0, f(x, Feature.HISTORY_CLICK), EPS);
        assertEquals(0.0, f(x, Feature.HISTORY_COMMENT), EPS);
        // Topics i mod 3 over i = 2..11: topic 0 three times, 1 three times, 2 four times.
        int topics = FeatureSpace.HISTORY_TOPICS.offset();
        assertEquals(0.3, x[topics], EPS);
        assertEquals(0.3, x[topics + 1], EPS);
        assertEquals(0.4, x[topics + 2], EPS);
        assertEquals(0f, x[topics + 3]);
        for (int k = 0; k < FeatureSpace.HISTORY; k++) {
            assertEquals(
                    1f + FeatureSpace.bucket(FeatureSpace.HISTORY_AUTHORS, 52 + k),
                    x[FeatureSpace.HISTORY_AUTHORS.offset() + k]);
        }
    }
}

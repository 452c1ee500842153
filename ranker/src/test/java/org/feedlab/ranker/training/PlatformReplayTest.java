package org.feedlab.ranker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.feedlab.events.Action;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.junit.jupiter.api.Test;

/**
 * Checks the platform's replay of its own logs: snapshots, model schedule, point-in-time features.
 */
class PlatformReplayTest {
    private static final long RUN_SEED = 5;
    private static final int TOPICS = 4;
    private static final int USERS = 6;
    private static final int AUTHORS = 4;
    private static final int BOOTSTRAP = 3;
    private static final int TICKS = 6;
    private static final RankerConfig CONFIG =
            RankerConfig.DEFAULTS.withTraining(
                    TrainingConfig.DEFAULTS
                            .withRetrainEvery(1)
                            .withBootstrapTicks(BOOTSTRAP)
                            .withEpochs(2)
                            .withLearningRate(0.1));

    /** The inputs of one tick: its posts and requests, and the impressions of the tick before. */
    private record Inputs(
            List<Post> posts, List<FeedRequest> requests, List<Impression> impressions) {
        Inputs reversed() {
            List<Post> p = new ArrayList<>(posts);
            List<FeedRequest> r = new ArrayList<>(requests);
            List<Impression> i = new ArrayList<>(impressions);
            Collections.reverse(p);
            Collections.reverse(r);
            Collections.reverse(i);
            return new Inputs(p, r, i);
        }
    }

    private static long postId(long tick, int k) {
        return tick * 10 + k;
    }

    private static Post post(long tick, int k) {
        double stance = (k % 2 == 0 ? 0.5 : -0.5) + 0.05 * (tick % 3);
        double outrage = ((tick * 7 + k * 3) % 10) / 10.0;
        return Post.of(postId(tick, k), 100 + k, tick, k, stance, outrage, -1);
    }

    private static int[] following(int user) {
        int[] f = {100 + user % AUTHORS, 100 + (user + 1) % AUTHORS};
        Arrays.sort(f);
        return f;
    }

    /**
     * A fixed rule for what a user does with a post, so every head sees positives and negatives.
     */
    private static int actions(int user, Post p) {
        int bits = 0;
        long id = p.postId();
        if (p.outrageScore() > 0.5 || (user + id) % 3 == 0) {
            bits = Impression.with(bits, Action.CLICK);
        }
        if ((user + id) % 4 == 0) {
            bits = Impression.with(bits, Action.LIKE);
        }
        if ((user * id) % 7 == 0) {
            bits = Impression.with(bits, Action.RESHARE);
        }
        if (p.outrageScore() > 0.6 && (user % 2 == 0) == (p.stance() > 0)) {
            bits = Impression.with(bits, Action.COMMENT);
        }
        if (p.outrageScore() > 0.7 && user % 2 == 1) {
            bits = Impression.with(bits, Action.HIDE);
        }
        return bits;
    }

    /** Every user reads the posts of the two ticks before {@code tick}, newest first. */
    private static Inputs inputs(long tick) {
        List<Post> posts = new ArrayList<>();
        for (int k = 0; k < AUTHORS; k++) {
            posts.add(post(tick, k));
        }
        List<FeedRequest> requests = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            requests.add(FeedRequest.of(FeedRequest.idFor(tick, u), u, tick, following(u), 5));
        }
        List<Impression> impressions = new ArrayList<>();
        long read = tick - 1;
        for (int u = 0; read >= 0 && u < USERS; u++) {
            int position = 0;
            for (long t = read; t >= Math.max(0, read - 1); t--) {
                for (int k = 0; k < AUTHORS; k++) {
                    Post p = post(t, k);
                    impressions.add(
                            Impression.of(
                                    FeedRequest.idFor(read, u),
                                    u,
                                    p.postId(),
                                    read,
                                    position++,
                                    1,
                                    actions(u, p)));
                }
            }
        }
        return new Inputs(posts, requests, impressions);
    }

    private static PlatformReplay.Step advance(PlatformReplay replay, long tick, Inputs in) {
        return replay.advance(tick, in.posts(), in.requests(), in.impressions());
    }

    @Test
    void theContextOfATickHoldsItsPosts() {
        PlatformReplay replay = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        for (long t = 0; t < 3; t++) {
            TickContext ctx = advance(replay, t, inputs(t)).context();
            assertEquals(t, ctx.tick);
            for (Post p : inputs(t).posts()) {
                assertEquals(p, ctx.post(p.postId()).post());
                assertEquals(0, ctx.post(p.postId()).impressions());
            }
            for (int i = 1; i < ctx.posts().size(); i++) {
                assertTrue(
                        ctx.posts().get(i - 1).post().postId()
                                < ctx.posts().get(i).post().postId());
            }
        }
    }

    @Test
    void impressionsReachCountersOnlyInTheNextContext() {
        PlatformReplay replay = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        TickContext first = advance(replay, 0, inputs(0)).context();
        TickContext second = advance(replay, 1, inputs(1)).context();
        long id = postId(0, 2);
        assertEquals(0, first.post(id).impressions(), "a snapshot is not changed afterwards");
        assertEquals(USERS, second.post(id).impressions());
        for (Action a : Action.values()) {
            int expected = 0;
            for (int u = 0; u < USERS; u++) {
                if (Impression.of(0, u, id, 0, 0, 0, actions(u, post(0, 2))).did(a)) {
                    expected++;
                }
            }
            assertEquals(expected, second.post(id).actions(a), a.key());
            assertEquals(0, first.post(id).actions(a));
        }
        // The posts of tick 1 have no impressions yet in the context that ranks tick 1.
        assertEquals(0, second.post(postId(1, 0)).impressions());
        // Followers come from the follow lists of the requests.
        assertEquals(3, second.followers(100));
    }

    @Test
    void theFirstModelArrivesAtTheEndOfTheBootstrap() {
        PlatformReplay replay = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        int logged = 0;
        for (long t = 0; t <= BOOTSTRAP + 1; t++) {
            Inputs in = inputs(t);
            PlatformReplay.Step step = advance(replay, t, in);
            TickContext ctx = step.context();
            if (t < BOOTSTRAP) {
                assertNull(step.announcement(), "tick " + t);
                assertNull(ctx.scorer);
                assertEquals(ModelVersion.NONE, ctx.modelVersion);
            } else {
                int version = (int) t;
                ModelVersion announced = step.announcement();
                assertNotNull(announced, "tick " + t);
                assertEquals(version, announced.version());
                assertEquals(t, announced.tick());
                // A tenth of the window is held out for the evaluation numbers.
                int heldOut = Integer.parseInt(announced.evaluation().get("click.examples"));
                assertEquals(
                        logged + in.impressions().size(), announced.trainingExamples() + heldOut);
                assertTrue(heldOut > 0);
                assertEquals(0, announced.windowStartTick());
                assertEquals(version, ctx.modelVersion);
                assertNotNull(ctx.scorer);
                assertEquals(Feature.names(), ctx.scorer.featureNames());
            }
            logged += in.impressions().size();
        }
        assertEquals(3, OnlineTrainer.versionId(BOOTSTRAP));
    }

    @Test
    void theOrderOfInputsDoesNotMatter() {
        PlatformReplay forward = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        PlatformReplay backward = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        for (long t = 0; t <= TICKS; t++) {
            PlatformReplay.Step a = advance(forward, t, inputs(t));
            PlatformReplay.Step b = advance(backward, t, inputs(t).reversed());
            assertEquals(a.announcement(), b.announcement(), "tick " + t);
            TickContext x = a.context();
            TickContext y = b.context();
            assertEquals(x.modelVersion, y.modelVersion);
            assertEquals(x.followers, y.followers);
            assertEquals(x.posts().size(), y.posts().size());
            for (int i = 0; i < x.posts().size(); i++) {
                PostStats p = x.posts().get(i);
                PostStats q = y.posts().get(i);
                assertEquals(p.post(), q.post());
                assertEquals(p.impressions(), q.impressions());
                for (Action act : Action.values()) {
                    assertEquals(p.actions(act), q.actions(act));
                }
            }
            if (t >= BOOTSTRAP) {
                // The byte form holds names, every weight and every bias, checksummed.
                assertArrayEquals(x.scorer.toBytes(), y.scorer.toBytes(), "tick " + t);
            }
        }
    }

    /** The features a scorer of tick {@code log.tick()} used, from that tick's context. */
    private static float[] featuresAt(
            TickContext ctx, UserProfile user, Impression log, SessionContext sessionContext) {
        PostStats post = ctx.post(log.postId());
        int author = post.post().authorId();
        boolean inNetwork = Arrays.binarySearch(following(log.userId()), author) >= 0;
        float[] x = new float[Feature.count()];
        FeatureExtractor.extract(
                new Viewer(log.userId(), user, log.tick(), sessionContext),
                post,
                ctx.followers(author),
                inNetwork,
                x,
                0);
        return x;
    }

    @Test
    void trainingFeaturesArePointInTime() {
        PlatformReplay replay = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        List<TrainingExample> pointInTime = new ArrayList<>();
        TickContext previous = null;
        TrainedModel expected = null;
        int leakyDiffers = 0;
        for (long t = 0; t <= BOOTSTRAP; t++) {
            Inputs in = inputs(t);
            List<Impression> logs = new ArrayList<>(in.impressions());
            logs.sort(UserProfile.LOG_ORDER);
            List<float[]> before = new ArrayList<>();
            List<SessionContext> sessions = new ArrayList<>();
            java.util.Set<Integer> returning = new java.util.HashSet<>();
            in.requests().forEach(r -> returning.add(r.userId()));
            for (int i = 0; i < logs.size(); i++) {
                Impression log = logs.get(i);
                // The items before it in the same request and session, and their outrage.
                int seen = 0;
                double outrage = 0.0;
                for (int j = 0; j < i; j++) {
                    if (logs.get(j).requestId() == log.requestId()
                            && logs.get(j).session() == log.session()) {
                        seen++;
                        outrage += previous.post(logs.get(j).postId()).post().outrageScore();
                    }
                }
                SessionContext session =
                        new SessionContext(log.position(), log.session(), seen, outrage);
                sessions.add(session);
                float[] x = featuresAt(previous, replay.profile(log.userId()), log, session);
                before.add(x);
                boolean continued =
                        i + 1 < logs.size()
                                && logs.get(i + 1).requestId() == log.requestId()
                                && logs.get(i + 1).session() == log.session();
                pointInTime.add(
                        new TrainingExample(
                                x, Heads.labels(log, continued, returning.contains(log.userId()))));
            }
            TickContext ctx = advance(replay, t, in).context();
            // The same impressions seen with what was learnt from them would give other features.
            for (int i = 0; i < logs.size(); i++) {
                Impression log = logs.get(i);
                float[] leaky = featuresAt(ctx, replay.profile(log.userId()), log, sessions.get(i));
                if (!Arrays.equals(leaky, before.get(i))) {
                    leakyDiffers++;
                }
            }
            if (t == BOOTSTRAP) {
                // The same split and the same wide&deep training as the online trainer's.
                SplittableRandom split = Seeds.derive(RUN_SEED, 0, t, "holdout");
                List<TrainingExample> train = new ArrayList<>();
                for (TrainingExample e : pointInTime) {
                    if (split.nextInt(OnlineTrainer.HOLDOUT_ONE_IN) != 0) {
                        train.add(e);
                    }
                }
                expected =
                        new WideDeepLearner(
                                        Feature.names(),
                                        Datasets.allColumns(Feature.count()),
                                        OnlineTrainer.headNames(),
                                        CONFIG.training().epochs(),
                                        CONFIG.training().learningRate(),
                                        CONFIG.training().minibatchSize(),
                                        CONFIG.model().embeddingDim(),
                                        CONFIG.model().hiddenSizes(),
                                        Seeds.mix(RUN_SEED, 0, t, "train"))
                                .train(train, OnlineTrainer.versionId(t), null);
                assertArrayEquals(expected.scorer().toBytes(), ctx.scorer.toBytes());
            }
            previous = ctx;
        }
        assertNotNull(expected);
        assertFalse(pointInTime.isEmpty());
        assertTrue(leakyDiffers > 0, "the check can tell leaked features apart");
    }

    /** The same context: tick, model, every post's counters, followers, objective signals. */
    private static void assertSameContext(TickContext x, TickContext y, String where) {
        assertEquals(x.tick, y.tick, where);
        assertEquals(x.modelVersion, y.modelVersion, where);
        assertEquals(x.followers, y.followers, where);
        assertEquals(x.posts().size(), y.posts().size(), where);
        for (int i = 0; i < x.posts().size(); i++) {
            PostStats p = x.posts().get(i);
            PostStats q = y.posts().get(i);
            assertEquals(p.post(), q.post(), where);
            assertEquals(p.impressions(), q.impressions(), where);
            for (Action act : Action.values()) {
                assertEquals(p.actions(act), q.actions(act), where);
            }
        }
        assertEquals(x.scorer == null, y.scorer == null, where);
        if (x.scorer != null) {
            assertArrayEquals(x.scorer.toBytes(), y.scorer.toBytes(), where);
        }
        assertEquals(x.signals.outrageMultiplier, y.signals.outrageMultiplier, where);
        assertArrayEquals(x.signals.bridgingPosts, y.signals.bridgingPosts, where);
        assertArrayEquals(x.signals.bridgingIntercepts, y.signals.bridgingIntercepts, where);
    }

    /**
     * A replay restored from the bytes of another, at any tick, goes on exactly as the original:
     * the same contexts (models to the last bit: the warm start is restored exactly), the same
     * announcements, and the same bytes again.
     */
    @Test
    void aRestoredReplayGoesOnExactlyAsTheOriginal() {
        for (RankerConfig config :
                List.of(CONFIG, CONFIG.withObjective(ObjectiveConfig.named("bridging")))) {
            for (long cut : new long[] {0, BOOTSTRAP - 1, BOOTSTRAP + 1}) {
                PlatformReplay original = new PlatformReplay(config, TOPICS, RUN_SEED);
                for (long t = 0; t <= cut; t++) {
                    advance(original, t, inputs(t));
                }
                byte[] bytes = original.toBytes();
                PlatformReplay restored = new PlatformReplay(config, TOPICS, RUN_SEED);
                restored.restore(bytes);
                assertArrayEquals(bytes, restored.toBytes(), "cut " + cut);
                for (long t = cut + 1; t <= TICKS; t++) {
                    PlatformReplay.Step a = advance(original, t, inputs(t));
                    PlatformReplay.Step b = advance(restored, t, inputs(t));
                    assertEquals(a.announcement(), b.announcement(), "tick " + t);
                    assertSameContext(a.context(), b.context(), "cut " + cut + " tick " + t);
                }
                assertArrayEquals(original.toBytes(), restored.toBytes(), "cut " + cut);
            }
        }
    }

    /**
     * A checkpoint in format 1 (the window's features dense), written by the code of that format
     * from this test's inputs after ticks 0 to {@code BOOTSTRAP - 1}, restores to the same state as
     * a replay that ran those ticks: the same bytes in today's format, the same steps after.
     */
    @Test
    void aCheckpointInFormatOneIsRestored() throws IOException {
        byte[] formatOne;
        try (InputStream in =
                new GZIPInputStream(
                        PlatformReplayTest.class.getResourceAsStream("replay-format-1.bin.gz"))) {
            formatOne = in.readAllBytes();
        }
        PlatformReplay original = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        for (long t = 0; t < BOOTSTRAP; t++) {
            advance(original, t, inputs(t));
        }
        assertTrue(
                formatOne.length > original.toBytes().length,
                "the window's features take less room in format " + PlatformReplay.FORMAT_VERSION);
        PlatformReplay restored = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        restored.restore(formatOne);
        assertArrayEquals(original.toBytes(), restored.toBytes());
        for (long t = BOOTSTRAP; t <= TICKS; t++) {
            PlatformReplay.Step a = advance(original, t, inputs(t));
            PlatformReplay.Step b = advance(restored, t, inputs(t));
            assertEquals(a.announcement(), b.announcement(), "tick " + t);
            assertSameContext(a.context(), b.context(), "tick " + t);
        }
        assertArrayEquals(original.toBytes(), restored.toBytes());
    }

    @Test
    void alteredOrForeignBytesAreRefused() {
        PlatformReplay replay = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        advance(replay, 0, inputs(0));
        byte[] bytes = replay.toBytes();
        bytes[bytes.length / 2] ^= 1;
        PlatformReplay other = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> other.restore(bytes));
        assertTrue(e.getMessage().startsWith("corrupted state"), e.getMessage());
    }

    /**
     * Records that name ids the platform does not know are refused with the reason and change
     * nothing: the replay goes on exactly as one that never saw them.
     */
    @Test
    void recordsWithUnknownIdsAreRefusedAndChangeNothing() {
        PlatformReplay clean = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        PlatformReplay poisoned = new PlatformReplay(CONFIG, TOPICS, RUN_SEED);
        for (long t = 0; t <= BOOTSTRAP + 1; t++) {
            Inputs in = inputs(t);
            PlatformReplay.Step a = advance(clean, t, in);
            List<Post> posts = new ArrayList<>(in.posts());
            List<FeedRequest> requests = new ArrayList<>(in.requests());
            List<Impression> impressions = new ArrayList<>(in.impressions());
            List<String> expected = new ArrayList<>();
            if (t > 0) {
                // A post id the platform already indexed (a post of the previous tick).
                posts.add(0, Post.of(postId(t - 1, 1), 100, t, 0, 0.1, 0.2, -1));
                expected.add("post id " + postId(t - 1, 1) + " is already indexed");
                // An impression of a request nobody sent, and one of an unknown post.
                impressions.add(0, Impression.of(77, 1, postId(t - 1, 0), t - 1, 0, 1, 1));
                expected.add("unknown request id 77 for user 1");
                impressions.add(
                        0, Impression.of(FeedRequest.idFor(t - 1, 2), 2, 999_999, t - 1, 0, 1, 1));
                expected.add("unknown post id 999999");
                // Another user's request id.
                impressions.add(
                        0,
                        Impression.of(
                                FeedRequest.idFor(t - 1, 3), 4, postId(t - 1, 0), t - 1, 0, 1, 1));
                expected.add("unknown request id " + FeedRequest.idFor(t - 1, 3) + " for user 4");
            }
            // A request whose id is not its user's, and a second request of a user.
            requests.add(0, FeedRequest.of(12345, 1, t, following(1), 5));
            expected.add("request id 12345 is not user 1's id in tick " + t);
            requests.add(FeedRequest.of(FeedRequest.idFor(t, 2), 2, t, following(3), 5));
            expected.add("a second request of user 2 in tick " + t);
            PlatformReplay.Step b = poisoned.advance(t, posts, requests, impressions);
            assertEquals(
                    new TreeSet<>(expected),
                    new TreeSet<>(
                            b.rejected().stream().map(PlatformReplay.Rejection::reason).toList()),
                    "tick " + t);
            assertEquals(a.requests(), b.requests());
            assertEquals(a.impressions(), b.impressions());
            assertEquals(a.announcement(), b.announcement());
            assertSameContext(a.context(), b.context(), "tick " + t);
        }
        assertArrayEquals(clean.toBytes(), poisoned.toBytes());
    }
}

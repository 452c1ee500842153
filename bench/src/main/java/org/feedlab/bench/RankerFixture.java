package org.feedlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedlab.events.Action;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.SharedSlots;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;

/**
 * A synthetic platform history and the default model (shape and hyperparameters of {@link
 * RankerConfig#DEFAULTS}) trained on it: 2,000 posts of 200 authors at most 3 ticks old, 300 users
 * who each follow 120 authors and have read 40 posts, 6,000 logged impressions whose feature
 * vectors the ranker's own {@link FeatureExtractor} builds (followers and in-network flags from the
 * follow lists). It also holds one 500-candidate request of such vectors for the forward pass alone
 * ({@link RankerBenchmark}); {@link RequestPath} serves requests from the whole history. No
 * simulator: the engagement is a small logistic model of outrage and side. Seeded, so every fork
 * benchmarks the same weights and inputs.
 */
public final class RankerFixture {
    /** Candidates in the benchmarked request. */
    public static final int REQUEST = 500;

    /** Items in a day's feed: the society's default {@code day_feed_size}. */
    public static final int FEED_SIZE = 300;

    /** The request's candidates are all for one user: its user-side slots are shared. */
    public static final SharedSlots USER_SIDE = SharedSlots.of(FeatureSpace.userSideSlots());

    /** Topics of the synthetic platform. */
    static final int TOPICS = 8;

    private static final int AUTHORS = 200;
    private static final int POSTS = 2_000;
    private static final int USERS = 300;

    /** Tribuo logs each training at INFO; the benchmark's console is for its figures. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    /** Authors each user follows (of {@value #AUTHORS}). */
    static final int FOLLOWS = 120;

    /** The tick the benchmarked requests are sent in; posts are 0 to 3 ticks old. */
    static final long TICK = 20;

    private final WideDeepScorer scorer;
    private final float[] request;
    private final double meanNonZero;
    private final PostIndex index;
    private final List<UserProfile> users;

    private RankerFixture(
            WideDeepScorer scorer,
            float[] request,
            double meanNonZero,
            PostIndex index,
            List<UserProfile> users) {
        this.scorer = scorer;
        this.request = request;
        this.meanNonZero = meanNonZero;
        this.index = index;
        this.users = users;
    }

    /** Builds the history, trains the default model on 6,000 logged impressions, compiles it. */
    public static RankerFixture create(long seed) {
        return create(seed, RankerConfig.DEFAULTS.model().hiddenSizes());
    }

    /**
     * "128x128x64" (or "128,128,64") as hidden widths; JMH's {@code -p} splits its values at
     * commas, so the command line uses x.
     */
    public static List<Integer> widths(String text) {
        List<Integer> widths = new ArrayList<>();
        for (String w : text.split("[,x]")) {
            widths.add(Integer.parseInt(w.trim()));
        }
        return widths;
    }

    /** As {@link #create(long)} with other hidden widths. */
    public static RankerFixture create(long seed, List<Integer> hidden) {
        SplittableRandom rng = new SplittableRandom(seed);
        PostIndex index = new PostIndex();
        List<Post> posts = new ArrayList<>();
        for (int p = 0; p < POSTS; p++) {
            int author = rng.nextInt(AUTHORS);
            double stance =
                    Math.max(-1, Math.min(1, (author % 2 == 0 ? 0.5 : -0.5) + 0.3 * gaussian(rng)));
            Post post =
                    Post.of(
                            p,
                            author,
                            TICK - rng.nextInt(4),
                            rng.nextInt(TOPICS),
                            stance,
                            rng.nextDouble(),
                            -1);
            posts.add(post);
            index.addPost(post);
        }
        for (int u = 0; u < USERS; u++) {
            index.applyRequest(
                    FeedRequest.of(
                            FeedRequest.idFor(TICK - 1, u),
                            u,
                            TICK - 1,
                            following(rng),
                            FEED_SIZE));
        }
        List<UserProfile> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            UserProfile user = new UserProfile(TOPICS);
            double leaning = u % 2 == 0 ? 0.4 : -0.4;
            for (int i = 0; i < 40; i++) {
                Post post = posts.get(rng.nextInt(POSTS));
                Impression log =
                        Impression.of(
                                u,
                                u,
                                post.postId(),
                                TICK - 1 - rng.nextInt(5),
                                i,
                                ModelVersion.NONE,
                                actions(rng, post, leaning));
                user.apply(log, post);
                index.applyImpression(log);
            }
            users.add(user);
        }
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            int u = rng.nextInt(USERS);
            Post post = posts.get(rng.nextInt(POSTS));
            float[] x = new float[Feature.count()];
            extract(u, users.get(u), index, index.get(post.postId()), x, 0);
            int actions = actions(rng, post, u % 2 == 0 ? 0.4 : -0.4);
            examples.add(
                    new TrainingExample(
                            x,
                            Heads.labels(
                                    Impression.of(
                                            0,
                                            u,
                                            post.postId(),
                                            TICK,
                                            0,
                                            ModelVersion.NONE,
                                            actions))));
        }
        RankerConfig config = RankerConfig.DEFAULTS;
        WideDeepScorer scorer =
                (WideDeepScorer)
                        new WideDeepLearner(
                                        Feature.names(),
                                        Datasets.allColumns(Feature.count()),
                                        Heads.names(),
                                        config.training().epochs(),
                                        config.training().learningRate(),
                                        config.training().minibatchSize(),
                                        config.model().embeddingDim(),
                                        hidden,
                                        seed)
                                .train(examples, ModelVersion.NONE, null)
                                .scorer();
        float[] request = new float[REQUEST * Feature.count()];
        int userId = rng.nextInt(USERS);
        UserProfile user = users.get(userId);
        long nonZero = 0;
        for (int c = 0; c < REQUEST; c++) {
            extract(
                    userId,
                    user,
                    index,
                    index.get(posts.get(rng.nextInt(POSTS)).postId()),
                    request,
                    c * Feature.count());
        }
        for (float v : request) {
            nonZero += v != 0f ? 1 : 0;
        }
        return new RankerFixture(scorer, request, nonZero / (double) REQUEST, index, users);
    }

    /** {@value #FOLLOWS} distinct authors, ascending. */
    private static int[] following(SplittableRandom rng) {
        int[] authors = new int[AUTHORS];
        for (int a = 0; a < AUTHORS; a++) {
            authors[a] = a;
        }
        for (int a = 0; a < FOLLOWS; a++) {
            int b = a + rng.nextInt(AUTHORS - a);
            int t = authors[a];
            authors[a] = authors[b];
            authors[b] = t;
        }
        int[] chosen = Arrays.copyOf(authors, FOLLOWS);
        Arrays.sort(chosen);
        return chosen;
    }

    private static void extract(
            int userId,
            UserProfile user,
            PostIndex index,
            PostStats post,
            float[] out,
            int offset) {
        int author = post.post().authorId();
        FeatureExtractor.extract(
                new Viewer(userId, user, TICK, SessionContext.TOP),
                post,
                index.followers(author),
                Arrays.binarySearch(index.following(userId), author) >= 0,
                out,
                offset);
    }

    /** Engagement of a reader leaning one way: more on outrage and on the own side. */
    private static int actions(SplittableRandom rng, Post post, double leaning) {
        boolean sameSide = Math.signum(leaning) == Math.signum(post.stance());
        double z =
                -1.5
                        + 1.2 * post.outrageScore()
                        + (sameSide ? 0.8 : -0.4)
                        + 0.3 * (post.topic() % 3);
        int actions = 0;
        double[] offsets = {0.0, -1.0, -2.5, -2.8, -3.5, -1.5};
        for (Action a : Action.values()) {
            double shift = a.ordinal() < offsets.length ? offsets[a.ordinal()] : -2.0;
            if (a == Action.HIDE) {
                shift += sameSide ? -1.0 : 1.5 * post.outrageScore();
            }
            if (rng.nextDouble() < 1.0 / (1.0 + Math.exp(-(z + shift)))) {
                actions = Impression.with(actions, a);
            }
        }
        return actions;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(1e-12, rng.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * The platform's post index after the synthetic history: every post with its counters, every
     * user's follow list.
     */
    public PostIndex index() {
        return index;
    }

    /** User u's profile after the synthetic history (40 impressions). */
    public UserProfile user(int u) {
        return users.get(u);
    }

    /** Users of the synthetic history. */
    public static int users() {
        return USERS;
    }

    public WideDeepScorer scorer() {
        return scorer;
    }

    /** The request's candidates, row-major ({@link #REQUEST} × features). */
    public float[] request() {
        return request;
    }

    /** Mean non-zero slots per candidate of the request. */
    public double meanNonZero() {
        return meanNonZero;
    }

    /**
     * FLOPs the compiled scorer's Vector API pass executes per candidate of this request ({@link
     * WideDeepScorer#executedFlopsPerCandidate}).
     */
    public double flopsPerCandidate() {
        return scorer.executedFlopsPerCandidate(request, REQUEST, USER_SIDE);
    }
}

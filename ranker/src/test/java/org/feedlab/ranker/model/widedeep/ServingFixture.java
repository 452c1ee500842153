package org.feedlab.ranker.model.widedeep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainingExample;

/**
 * Feature vectors built by the ranker's own {@link FeatureExtractor} from a small synthetic
 * platform history, a wide&amp;deep model trained on them, and requests of one user's candidates:
 * what the serving path sees.
 */
final class ServingFixture {
    private static final int TOPICS = 6;
    private static final int POSTS = 400;
    private static final int USERS = 60;
    private static final long TICK = 12;

    private final PostIndex index = new PostIndex();
    private final List<Post> posts = new ArrayList<>();
    private final List<UserProfile> users = new ArrayList<>();
    private final SplittableRandom rng;

    ServingFixture(long seed) {
        rng = Seeds.derive(seed, 0, 0, "serving-fixture");
        for (int p = 0; p < POSTS; p++) {
            Post post =
                    Post.of(
                            p,
                            rng.nextInt(40),
                            TICK - rng.nextInt(4),
                            rng.nextInt(TOPICS),
                            rng.nextDouble(-1, 1),
                            rng.nextDouble(),
                            rng.nextInt(10) == 0 ? rng.nextInt(Math.max(1, p)) : -1);
            posts.add(post);
            index.addPost(post);
        }
        for (int u = 0; u < USERS; u++) {
            UserProfile user = new UserProfile(TOPICS);
            for (int i = 0; i < 15; i++) {
                Post post = posts.get(rng.nextInt(POSTS));
                Impression log =
                        Impression.of(
                                u * 100L + i,
                                u,
                                post.postId(),
                                TICK - 1 - rng.nextInt(5),
                                i,
                                ModelVersion.NONE,
                                actions(post));
                user.apply(log, post);
                index.applyImpression(log);
            }
            users.add(user);
        }
    }

    private int actions(Post post) {
        int bits = 0;
        for (Action a : Action.values()) {
            if (rng.nextDouble() < 0.1 + 0.3 * post.outrageScore() * (a.ordinal() % 2)) {
                bits = Impression.with(bits, a);
            }
        }
        return bits;
    }

    /** n candidates for one user, row-major: the user-side slots are equal in every row. */
    float[] request(int n) {
        int f = Feature.count();
        float[] xs = new float[n * f];
        int userId = rng.nextInt(USERS);
        UserProfile user = users.get(userId);
        for (int c = 0; c < n; c++) {
            Post post = posts.get(rng.nextInt(POSTS));
            FeatureExtractor.extract(
                    new Viewer(userId, user, TICK, SessionContext.TOP),
                    index.get(post.postId()),
                    rng.nextInt(300),
                    rng.nextBoolean(),
                    xs,
                    c * f);
        }
        return xs;
    }

    /** Rows of random users and posts, for training. */
    List<TrainingExample> examples(int n) {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = request(1);
            out.add(new TrainingExample(x, rng.nextInt(1 << Heads.names().size())));
        }
        return out;
    }

    /** A wide&amp;deep model trained on these features, compiled. */
    WideDeepScorer trained(List<Integer> hidden, long seed) {
        return (WideDeepScorer)
                new WideDeepLearner(
                                Feature.names(),
                                Datasets.allColumns(Feature.count()),
                                Heads.names(),
                                2,
                                0.05,
                                16,
                                8,
                                hidden,
                                seed)
                        .train(examples(1500), 1, null)
                        .scorer();
    }
}

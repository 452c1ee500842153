package org.feedlab.ranker.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.objective.ObjectiveState;

/**
 * The platform's global view, rebuilt from its own logs one tick at a time: the post index, the
 * follow lists, the objective's state, the online trainer, and (while examples are built) every
 * user's profile as the scorer knew it. Serving keeps its own profiles ({@link
 * org.feedlab.ranker.serving.FeedServer}), as the stream job's scorers keep theirs in keyed state.
 *
 * <p>For each impression of tick t−1 it rebuilds the features the scorer used (profiles and
 * counters as they were before those impressions were applied), which makes the training examples
 * point-in-time correct without the scorer having to log its features.
 *
 * <p>Order inside {@link #advance}: (1) examples from the impressions of t−1, (2) apply those
 * impressions, (3) add the posts of t, (4) apply the requests of t, (5) prune, (6) retrain if due,
 * (7) snapshot the context for t. Inputs are sorted first, so arrival order never matters.
 */
public final class PlatformReplay {
    private final RankerConfig config;
    private final int topics;
    private final PostIndex index = new PostIndex();
    private final Map<Integer, UserProfile> profiles = new HashMap<>();
    private final OnlineTrainer trainer;
    private final ObjectiveState objectiveState;

    /** What one tick produced: the context that ranks it, and a model announcement if retrained. */
    public record Step(TickContext context, ModelVersion announcement) {}

    public PlatformReplay(RankerConfig config, int topics, long runSeed) {
        this.config = config;
        this.topics = topics;
        this.trainer =
                new OnlineTrainer(config.training(), ModelResolution.of(config).model(), runSeed);
        this.objectiveState = new ObjectiveState(config, runSeed);
    }

    /** Advances to tick t with that phase's inputs; returns the context that ranks tick t. */
    public Step advance(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions) {
        List<Impression> logs = new ArrayList<>(impressions);
        logs.sort(UserProfile.LOG_ORDER);
        // With training off (retrain_every 0) no example is ever used: do not build them.
        boolean training = config.training().buildsExamples();
        List<TrainingExample> examples = new ArrayList<>(training ? logs.size() : 0);
        for (Impression log : training ? logs : List.<Impression>of()) {
            PostStats post = index.get(log.postId());
            if (post == null) {
                continue;
            }
            UserProfile user = profile(log.userId());
            float[] x = new float[Feature.count()];
            boolean inNetwork = contains(index.following(log.userId()), post.post().authorId());
            FeatureExtractor.extract(
                    user,
                    post,
                    index.followers(post.post().authorId()),
                    log.tick(),
                    inNetwork,
                    x,
                    0);
            examples.add(new TrainingExample(x, Heads.labels(log)));
        }
        int lastUser = Integer.MIN_VALUE;
        for (Impression log : logs) {
            // The trainer's profiles only feed training examples: without them, skip the work.
            if (training) {
                UserProfile user = profile(log.userId());
                user.apply(log, index::get);
                if (log.userId() != lastUser) {
                    // Logs are sorted by user: prune each user's seen set once per tick.
                    user.forgetSeenBefore(config.retrieval().oldestKept(tick));
                    lastUser = log.userId();
                }
            }
            index.applyImpression(log);
        }
        objectiveState.observe(logs, id -> index.get(id) == null ? null : index.get(id).post());
        List<Post> newPosts = new ArrayList<>(posts);
        newPosts.sort(Comparator.comparingLong(Post::postId));
        newPosts.forEach(index::addPost);
        List<FeedRequest> newRequests = new ArrayList<>(requests);
        newRequests.sort(Comparator.comparingLong(FeedRequest::requestId));
        for (FeedRequest r : newRequests) {
            index.applyRequest(r);
        }
        index.pruneBefore(config.retrieval().oldestKept(tick));
        trainer.add(tick - 1, examples);
        TrainedModel model = trainer.maybeTrain(tick);
        ModelVersion announcement = null;
        if (model != null) {
            announcement =
                    ModelVersion.of(
                            tick,
                            model.version(),
                            model.provenance().getOrDefault("trainer", "LinearSGDTrainer"),
                            model.trainingExamples(),
                            trainer.windowStart(tick),
                            model.provenance(),
                            model.evaluation());
        }
        TrainedModel current = trainer.current();
        TickContext context =
                new TickContext(
                        tick,
                        current == null ? ModelVersion.NONE : current.version(),
                        current == null ? null : current.scorer(),
                        index.snapshot(),
                        index.followerCounts());
        context.signals = objectiveState.signals();
        return new Step(context, announcement);
    }

    /**
     * A user's profile as the trainer sees it (what the scorer knew when it ranked the user's
     * feeds), created empty on first sight.
     */
    public UserProfile profile(int userId) {
        return profiles.computeIfAbsent(userId, id -> new UserProfile(topics));
    }

    /** The online trainer fed by this replay (its window holds the logged examples). */
    public OnlineTrainer trainer() {
        return trainer;
    }

    private static boolean contains(int[] sorted, int value) {
        for (int v : sorted) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}

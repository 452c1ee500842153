package org.feedlab.ranker.training;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.objective.ObjectiveState;
import org.feedlab.ranker.state.StateIO;

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
 * <p>Order inside {@link #advance}: (0) refuse records that name ids the platform does not know,
 * (1) examples from the impressions of t−1, (2) apply those impressions, (3) add the posts of t,
 * (4) apply the requests of t, (5) prune, (6) retrain if due, (7) snapshot the context for t.
 * Inputs are sorted first, so arrival order never matters.
 *
 * <p>Its whole state has a sealed binary form ({@link #toBytes}, {@link #restore}): the stream job
 * checkpoints it, and a restored replay continues exactly as the one that wrote it would have.
 */
public final class PlatformReplay {
    /** Tag of the checkpoint form. */
    private static final String FORMAT = "FLRP";

    /**
     * Version of the checkpoint form this code writes. 2: the trainer's window keeps each feature
     * vector as its non-zero values ({@link StateIO#writeSparseFloats}); 1, which held them dense,
     * is still read.
     */
    public static final int FORMAT_VERSION = 2;

    private final RankerConfig config;
    private final int topics;
    private PostIndex index = new PostIndex();
    private final Map<Integer, UserProfile> profiles = new HashMap<>();
    private final OnlineTrainer trainer;
    private final ObjectiveState objectiveState;

    /** The requests of the last phase, by request id: the user each was sent by. */
    private final Map<Long, Integer> lastRequests = new HashMap<>();

    /**
     * What one tick produced: the context that ranks it, a model announcement if retrained, the
     * phase's requests and impression logs the platform accepted (what the scorers serve from,
     * sorted), and the records it refused with the reason.
     */
    public record Step(
            TickContext context,
            ModelVersion announcement,
            List<FeedRequest> requests,
            List<Impression> impressions,
            List<Rejection> rejected) {}

    /** A record that names an id the platform does not know, or one it already has. */
    public record Rejection(PlatformRecord record, String reason) {}

    public PlatformReplay(RankerConfig config, int topics, long runSeed) {
        this.config = config;
        this.topics = topics;
        ModelResolution resolution = ModelResolution.of(config);
        this.trainer =
                new OnlineTrainer(
                        config.training(), resolution.model(), resolution.withheldLater(), runSeed);
        this.objectiveState = new ObjectiveState(config, runSeed);
    }

    /**
     * Advances to tick t with that phase's inputs; returns the context that ranks tick t. Where two
     * records collide (the same post id twice, two requests of one user), the one earlier in the
     * given order wins: callers hand records over in a fixed order.
     */
    public Step advance(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions) {
        List<Rejection> rejected = new ArrayList<>();
        List<Impression> logs = new ArrayList<>(impressions.size());
        for (Impression i : impressions) {
            String problem = unknownIds(i);
            if (problem == null) {
                logs.add(i);
            } else {
                rejected.add(new Rejection(i, problem));
            }
        }
        logs.sort(UserProfile.LOG_ORDER);
        // With training off (retrain_every 0) no example is ever used: do not build them.
        boolean training = config.training().buildsExamples();
        List<TrainingExample> examples = new ArrayList<>(training ? logs.size() : 0);
        Set<Integer> returning = new HashSet<>();
        for (FeedRequest r : requests) {
            returning.add(r.userId());
        }
        SessionLog sessions = new SessionLog();
        for (int i = 0; training && i < logs.size(); i++) {
            Impression log = logs.get(i);
            PostStats post = index.get(log.postId());
            SessionContext session = sessions.next(log, post);
            if (post == null) {
                continue;
            }
            UserProfile user = profile(log.userId());
            float[] x = new float[Feature.count()];
            boolean inNetwork = contains(index.following(log.userId()), post.post().authorId());
            FeatureExtractor.extract(
                    new Viewer(log.userId(), user, log.tick(), session),
                    post,
                    index.followers(post.post().authorId()),
                    inNetwork,
                    x,
                    0);
            boolean continued = i + 1 < logs.size() && SessionLog.sameSession(log, logs.get(i + 1));
            // Impressions of t−1 arrive in phase t with the requests of t: a request now is a
            // return the next tick.
            boolean returned = returning.contains(log.userId()) && tick == log.tick() + 1;
            examples.add(new TrainingExample(x, Heads.labels(log, continued, returned)));
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
        for (Post p : newPosts) {
            if (index.get(p.postId()) != null) {
                rejected.add(new Rejection(p, "post id " + p.postId() + " is already indexed"));
            } else {
                index.addPost(p);
            }
        }
        List<FeedRequest> sortedRequests = new ArrayList<>(requests);
        sortedRequests.sort(Comparator.comparingLong(FeedRequest::requestId));
        List<FeedRequest> newRequests = new ArrayList<>(sortedRequests.size());
        lastRequests.clear();
        for (FeedRequest r : sortedRequests) {
            String problem = unknownIds(r, tick);
            if (problem == null) {
                lastRequests.put(r.requestId(), r.userId());
                newRequests.add(r);
                index.applyRequest(r);
            } else {
                rejected.add(new Rejection(r, problem));
            }
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
        return new Step(
                context,
                announcement,
                List.copyOf(newRequests),
                List.copyOf(logs),
                List.copyOf(rejected));
    }

    /**
     * Why an impression log cannot be the platform's (null if it can): it must answer a request its
     * user sent in the previous phase, and name a post the platform indexed (every post of that
     * request's feed still is: pruning comes after the logs are applied).
     */
    private String unknownIds(Impression i) {
        Integer sender = lastRequests.get(i.requestId());
        if (sender == null || sender != i.userId()) {
            return "unknown request id " + i.requestId() + " for user " + i.userId();
        }
        if (index.get(i.postId()) == null) {
            return "unknown post id " + i.postId();
        }
        return null;
    }

    /**
     * Why a request cannot be the platform's (null if it can): its id must be the one derived from
     * its tick and user, and its user may send one request per phase.
     */
    private String unknownIds(FeedRequest r, long tick) {
        if (r.requestId() != FeedRequest.idFor(tick, r.userId())) {
            return "request id "
                    + r.requestId()
                    + " is not user "
                    + r.userId()
                    + "'s id in tick "
                    + tick;
        }
        if (lastRequests.containsKey(r.requestId())) {
            return "a second request of user " + r.userId() + " in tick " + tick;
        }
        return null;
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

    /**
     * The whole state in its sealed checkpoint form: the post index with counters and follow lists,
     * the trainer's profiles, the last phase's requests, the trainer (window and current version)
     * and the objective's state. Maps are written in key order, so equal state gives equal bytes.
     */
    public byte[] toBytes() {
        return StateIO.seal(FORMAT, FORMAT_VERSION, this, PlatformReplay::write);
    }

    /**
     * Replaces this replay's state with the one {@link #toBytes} wrote; the replay must be built
     * from the same configuration, topics and seed.
     *
     * @throws IllegalArgumentException starting with "corrupted state" for bytes that fail a check
     */
    public void restore(byte[] bytes) {
        StateIO.open(
                FORMAT,
                FORMAT_VERSION,
                bytes,
                (version, in) -> {
                    read(version, in);
                    return this;
                });
    }

    private static void write(DataOutput out, PlatformReplay r) throws IOException {
        r.index.writeTo(out);
        StateIO.writeMap(out, r.profiles, DataOutput::writeInt, (o, p) -> p.writeTo(o));
        StateIO.writeMap(out, r.lastRequests, DataOutput::writeLong, DataOutput::writeInt);
        r.trainer.writeTo(out);
        r.objectiveState.writeTo(out);
    }

    private void read(int version, DataInput in) throws IOException {
        index = PostIndex.readFrom(in);
        profiles.clear();
        StateIO.readMap(in, profiles, DataInput::readInt, UserProfile::readFrom);
        lastRequests.clear();
        StateIO.readMap(in, lastRequests, DataInput::readLong, DataInput::readInt);
        trainer.readFrom(in, version >= 2);
        objectiveState.readFrom(in);
    }
}

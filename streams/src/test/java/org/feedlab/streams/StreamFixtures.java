package org.feedlab.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.RetrievalConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.features.PostStats;

/** Hand-made records, contexts and settings shared by the streams tests. */
final class StreamFixtures {
    /** Size of the topic taxonomy in every test. */
    static final int TOPICS = 4;

    /** Feed size larger than any candidate set here, so a feed holds every eligible post. */
    static final int FEED_SIZE = 50;

    /** Oldest eligible post age in ticks. */
    static final int MAX_AGE = 2;

    private StreamFixtures() {}

    /**
     * Settings whose trainer starts early (bootstrap 1 tick, retrain every tick) so a few ticks of
     * input exercise the model path, with a short candidate age so age filtering shows, and an
     * audit of every user.
     */
    static JobSettings settings() {
        RankerConfig ranker =
                RankerConfig.DEFAULTS
                        .withTraining(
                                TrainingConfig.DEFAULTS
                                        .withRetrainEvery(1)
                                        .withBootstrapTicks(1)
                                        .withEpochs(2)
                                        .withLearningRate(0.1))
                        .withRetrieval(RetrievalConfig.DEFAULTS.withMaxAgeTicks(MAX_AGE));
        // Every user's feeds are audited, so the audit output is exercised too.
        return new JobSettings(ranker, TOPICS, 42L, 1.0);
    }

    /** A post whose topic, stance and outrage vary with its id, so features are not all equal. */
    static Post post(long postId, int authorId, long tick) {
        double stance = ((postId % 5) - 2) / 2.0;
        double outrage = (postId % 3) / 3.0;
        return Post.of(postId, authorId, tick, (int) (postId % TOPICS), stance, outrage, -1);
    }

    static FeedRequest request(long requestId, int userId, long tick, int... following) {
        return FeedRequest.of(requestId, userId, tick, following, FEED_SIZE);
    }

    /** A request with the id the platform expects of this user in this tick. */
    static FeedRequest userRequest(int userId, long tick, int... following) {
        return request(FeedRequest.idFor(tick, userId), userId, tick, following);
    }

    /** An impression of the feed the user requested in {@code tick} (its derived request id). */
    static Impression userImpression(
            int userId, long postId, long tick, int position, Action... actions) {
        return impression(FeedRequest.idFor(tick, userId), userId, postId, tick, position, actions);
    }

    /** Offsets handed out by {@link #inbound}, so every record has an origin of its own. */
    private static final AtomicLong OFFSETS = new AtomicLong();

    /**
     * A record as its platform JSON, to compare records whose arrays records compare by identity.
     */
    static String json(PlatformRecord record) {
        return new String(JsonSerde.write(record), StandardCharsets.UTF_8);
    }

    /** A record as the source would emit it: read from its topic, partition 0, a fresh offset. */
    static Inbound inbound(PlatformRecord record) {
        Topic<?> topic =
                record instanceof Post
                        ? Topics.POSTS
                        : record instanceof FeedRequest ? Topics.FEED_REQUESTS : Topics.ENGAGEMENTS;
        return Inbound.of(record, topic.name(), 0, OFFSETS.incrementAndGet());
    }

    static Impression impression(
            long requestId, int userId, long postId, long tick, int position, Action... actions) {
        int bits = 0;
        for (Action a : actions) {
            bits = Impression.with(bits, a);
        }
        return Impression.of(requestId, userId, postId, tick, position, ModelVersion.NONE, bits);
    }

    /** A context without a model (exploration) over the given posts, sorted by id as required. */
    static TickContext context(long tick, int modelVersion, Post... posts) {
        ArrayList<PostStats> stats = new ArrayList<>();
        Arrays.stream(posts)
                .sorted(Comparator.comparingLong(Post::postId))
                .forEach(p -> stats.add(new PostStats(p)));
        return new TickContext(tick, modelVersion, null, stats, new HashMap<>());
    }

    /** The post ids of a feed, as a sorted set. */
    static Set<Long> postIds(Feed feed) {
        Set<Long> ids = new TreeSet<>();
        for (FeedItem item : feed.items()) {
            ids.add(item.postId());
        }
        return ids;
    }

    /** The post ids of a context's snapshot, in snapshot order. */
    static List<Long> postIds(TickContext context) {
        return context.posts().stream().map(s -> s.post().postId()).toList();
    }

    /**
     * A feed as a string with every field, arrays included: records compare arrays by identity, so
     * feeds from two runs are compared through this form.
     */
    static String canonical(Feed feed) {
        StringBuilder sb = new StringBuilder();
        sb.append(feed.requestId())
                .append('|')
                .append(feed.userId())
                .append('|')
                .append(feed.tick())
                .append('|')
                .append(feed.modelVersion())
                .append('|')
                .append(feed.kind())
                .append('|')
                .append(feed.objective());
        for (FeedItem item : feed.items()) {
            sb.append("|(")
                    .append(item.postId())
                    .append(',')
                    .append(item.score())
                    .append(',')
                    .append(Arrays.toString(item.predictions()))
                    .append(',')
                    .append(item.inNetwork())
                    .append(')');
        }
        return sb.toString();
    }
}

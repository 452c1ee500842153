package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.training.PlatformReplay;

/**
 * The same replay, trainer and ranker as the stream job, called in-process without Kafka or Flink:
 * for fast sweeps, and as the reference the stream engine must agree with.
 */
public class DirectPlatform implements Platform {
    private final PlatformReplay replay;
    private final FeedRanker ranker;
    private final List<ModelVersion> versions = new ArrayList<>();

    public DirectPlatform(RankerConfig config, int topics, long seed) {
        this.replay = new PlatformReplay(config, topics, seed);
        this.ranker = new FeedRanker(config, seed);
    }

    @Override
    public Map<Integer, Feed> serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions) {
        PlatformReplay.Step step = replay.advance(tick, posts, requests, impressions);
        if (step.announcement() != null) {
            versions.add(step.announcement());
        }
        TickContext context = step.context();
        Map<Integer, Feed> feeds = new HashMap<>();
        for (FeedRequest request : requests) {
            UserProfile user = replay.profile(request.userId());
            Feed feed = ranker.rank(request, user, context);
            feeds.put(request.userId(), feed);
            ranked(context, request, user, feed);
        }
        return feeds;
    }

    /**
     * Called for every feed as it is ranked, with what ranked it; tools that look inside a run
     * (explanations) override it. Does nothing here.
     */
    protected void ranked(TickContext context, FeedRequest request, UserProfile user, Feed feed) {}

    /** The platform's replay (profiles, post index, trainer). */
    public PlatformReplay replay() {
        return replay;
    }

    /** The feed ranker. */
    public FeedRanker ranker() {
        return ranker;
    }

    @Override
    public List<ModelVersion> modelVersions() {
        return List.copyOf(versions);
    }

    @Override
    public String engine() {
        return "direct";
    }

    @Override
    public Map<String, Object> pipelineFacts() {
        return Map.of();
    }

    @Override
    public void close() {}
}

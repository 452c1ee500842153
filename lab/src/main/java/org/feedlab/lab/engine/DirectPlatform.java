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
import org.feedlab.ranker.training.PlatformReplay;

/**
 * The same replay, trainer and ranker as the stream job, called in-process without Kafka or
 * Flink: for fast sweeps, and as the reference the stream engine must agree with.
 */
public final class DirectPlatform implements Platform {
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
            feeds.put(request.userId(), ranker.rank(request, replay.profile(request.userId()), context));
        }
        return feeds;
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

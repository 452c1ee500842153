package org.feedlab.simulator;

import java.util.List;
import org.feedlab.events.Impression;

/**
 * What happened when the users of one tick (one day) read their feeds.
 *
 * @param tick the tick
 * @param impressions the impression logs to publish to the platform
 * @param exposures the same items with their hidden truth, for the metrics
 * @param newPosts the posts published this tick (truth, reshares included), for production metrics
 * @param modelVersion the model version that ranked this tick's feeds (0: none)
 * @param sessions every session of the tick, by user id then session index
 * @param follows follow activity by side
 * @param cascades matured reshare cascades, cumulative
 * @param feeds per reader, in user id order, the political posts of the candidate pool and of the
 *     served feed
 */
public record TickReadout(
        long tick,
        List<Impression> impressions,
        List<Exposure> exposures,
        List<Content> newPosts,
        int modelVersion,
        List<Session> sessions,
        FollowCounts follows,
        CascadeCounts cascades,
        List<FeedStages> feeds) {}

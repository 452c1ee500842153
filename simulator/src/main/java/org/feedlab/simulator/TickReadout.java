package org.feedlab.simulator;

import java.util.List;
import org.feedlab.events.Impression;

/**
 * What happened when the users of one tick read their feeds.
 *
 * @param tick the tick
 * @param sessions sessions opened (one per feed read)
 * @param angerExits sessions that ended because anger passed the user's tolerance
 * @param impressions the impression logs to publish to the platform
 * @param exposures the same items with their hidden truth, for the metrics
 * @param newPosts the posts published this tick (truth, reshares included), for production metrics
 * @param modelVersion the model version that ranked this tick's feeds
 * @param sessionLog one entry per session, in user id order
 */
public record TickReadout(
        long tick,
        int sessions,
        int angerExits,
        List<Impression> impressions,
        List<Exposure> exposures,
        List<Content> newPosts,
        String modelVersion,
        List<Session> sessionLog) {

    /** A readout without a session log (tests of exposure metrics). */
    public TickReadout(
            long tick,
            int sessions,
            int angerExits,
            List<Impression> impressions,
            List<Exposure> exposures,
            List<Content> newPosts,
            String modelVersion) {
        this(tick, sessions, angerExits, impressions, exposures, newPosts, modelVersion, List.of());
    }
}

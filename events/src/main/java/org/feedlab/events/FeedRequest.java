package org.feedlab.events;

/**
 * A user opens the app and asks for a feed. The request carries the accounts the user follows:
 * the follow graph is data a platform holds, and carrying it with the request keeps the job's
 * inputs explicit.
 *
 * @param requestId unique request id
 * @param userId the requesting user
 * @param tick the tick of the session
 * @param following creator ids the user follows, ascending
 * @param feedSize number of items the feed should hold
 */
public record FeedRequest(
        int schema, long requestId, int userId, long tick, int[] following, int feedSize)
        implements PlatformRecord {

    public static FeedRequest of(
            long requestId, int userId, long tick, int[] following, int feedSize) {
        return new FeedRequest(SCHEMA_VERSION, requestId, userId, tick, following, feedSize);
    }
}

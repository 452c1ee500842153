package org.feedlab.events;

/**
 * A user opens the app and asks for a feed. The request carries the accounts the user follows: the
 * follow graph is data a platform holds, and carrying it with the request keeps the job's inputs
 * explicit.
 *
 * @param requestId unique request id
 * @param userId the requesting user
 * @param tick the tick of the session
 * @param following account ids the user follows, ascending (creators, then users offset by the
 *     creator count, whose posts are reshares)
 * @param feedSize number of items the feed should hold
 * @param segment the segment the user declared (an age group a platform holds), "" if unknown
 */
public record FeedRequest(
        int schema,
        long requestId,
        int userId,
        long tick,
        int[] following,
        int feedSize,
        String segment)
        implements PlatformRecord {

    /**
     * The id of a user's request in a tick: derived from (tick, user), so reruns give equal ids and
     * the platform can refuse a request whose id is not its user's.
     */
    public static long idFor(long tick, int userId) {
        return tick * 1_000_000_000L + userId;
    }

    public static FeedRequest of(
            long requestId, int userId, long tick, int[] following, int feedSize) {
        return of(requestId, userId, tick, following, feedSize, "");
    }

    /** A request that carries the user's declared segment. */
    public static FeedRequest of(
            long requestId, int userId, long tick, int[] following, int feedSize, String segment) {
        return new FeedRequest(
                SCHEMA_VERSION, requestId, userId, tick, following, feedSize, segment);
    }
}

package org.feedlab.events;

/**
 * Client-side log of one examined feed item and what the user did with it. The platform logs an
 * impression for every item the user scrolled past, engaged or not; these are the engagements
 * the ranker trains on.
 *
 * <p>An impression of tick t is published at the start of tick t+1, after the user finished
 * reading, so its {@link #phase()} is t+1.
 *
 * @param requestId the feed request whose feed held the item
 * @param userId the reader
 * @param postId the item
 * @param tick the tick the feed was read in
 * @param position zero-based position of the item in the feed
 * @param modelVersion version that ranked the feed
 * @param actions bit set over {@link Action} ordinals
 */
public record Impression(
        int schema,
        long requestId,
        int userId,
        long postId,
        long tick,
        int position,
        String modelVersion,
        int actions)
        implements PlatformRecord {

    public static Impression of(
            long requestId,
            int userId,
            long postId,
            long tick,
            int position,
            String modelVersion,
            int actions) {
        return new Impression(
                SCHEMA_VERSION, requestId, userId, postId, tick, position, modelVersion, actions);
    }

    /** Whether the user took this action on the item. */
    public boolean did(Action action) {
        return (actions & (1 << action.ordinal())) != 0;
    }

    /** Bit set with the action added. */
    public static int with(int actions, Action action) {
        return actions | (1 << action.ordinal());
    }

    @Override
    public long phase() {
        return tick + 1;
    }
}

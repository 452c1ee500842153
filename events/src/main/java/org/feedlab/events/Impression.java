package org.feedlab.events;

/**
 * Client-side log of one examined feed item and what the user did with it. The platform logs an
 * impression for every item the user scrolled past, engaged or not; these are the engagements the
 * ranker trains on.
 *
 * <p>A tick is one day: the user reads the day's feed over one or more sessions, each starting
 * where the previous one stopped, so {@link #position} counts from the top of the day's feed and
 * {@link #session} says in which visit the item was seen.
 *
 * <p>An impression of tick t is published at the start of tick t+1, after the user finished
 * reading, so its {@link #phase()} is t+1.
 *
 * @param requestId the feed request whose feed held the item
 * @param userId the reader
 * @param postId the item
 * @param tick the tick the feed was read in
 * @param position zero-based position of the item in the feed
 * @param modelVersion version of the model that ranked the feed ({@link ModelVersion#NONE} for
 *     none)
 * @param actions bit set over {@link Action} ordinals
 * @param dwell seconds the item stayed on screen (0 when the society does not model dwell)
 * @param survey answer to "was this worth your time?": 1 yes, 0 no, {@link #NO_SURVEY} when the
 *     user was not asked
 * @param session zero-based index of the session (visit) of the day in which the item was seen
 */
public record Impression(
        int schema,
        long requestId,
        int userId,
        long postId,
        long tick,
        int position,
        int modelVersion,
        int actions,
        double dwell,
        int survey,
        int session)
        implements PlatformRecord {

    /** Survey value of an impression the user was not asked about. */
    public static final int NO_SURVEY = -1;

    /** An impression without dwell time or survey answer. */
    public static Impression of(
            long requestId,
            int userId,
            long postId,
            long tick,
            int position,
            int modelVersion,
            int actions) {
        return of(
                requestId,
                userId,
                postId,
                tick,
                position,
                modelVersion,
                actions,
                0.0,
                NO_SURVEY,
                0);
    }

    /** An impression with its dwell time, survey answer and session of the day. */
    public static Impression of(
            long requestId,
            int userId,
            long postId,
            long tick,
            int position,
            int modelVersion,
            int actions,
            double dwell,
            int survey,
            int session) {
        return new Impression(
                SCHEMA_VERSION,
                requestId,
                userId,
                postId,
                tick,
                position,
                modelVersion,
                actions,
                dwell,
                survey,
                session);
    }

    /** Whether the user took this action on the item. */
    public boolean did(Action action) {
        return (actions & (1 << action.ordinal())) != 0;
    }

    /**
     * Whether a bit set counts as engagement: any action other than a hide. The society, its
     * metrics and the platform's profiles all use this one rule.
     */
    public static boolean engaged(int actions) {
        return (actions & ~(1 << Action.HIDE.ordinal())) != 0;
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

package org.feedlab.ranker.features;

/**
 * Where a slot sits in the user's day: its position in the day's feed, the session (visit) of the
 * day, and how many items and how much outrage the user has seen in that session before it. In
 * training the platform reads these off its impression logs; in serving it uses the values the
 * slots above imply.
 *
 * @param position zero-based position in the day's feed
 * @param session zero-based session of the day (expected value when serving)
 * @param itemsSeen items seen earlier in the same session
 * @param outrageSeen sum of the outrage-classifier scores of those items
 */
public record SessionContext(
        double position, double session, double itemsSeen, double outrageSeen) {

    /** The top of the day's feed: the first slot of the first session. */
    public static final SessionContext TOP = new SessionContext(0, 0, 0, 0);
}

package org.feedlab.simulator;

/**
 * Why a session ended, checked after each examined item in this order (docs/MODEL.md, "Sessions and
 * scrolling").
 */
public enum StopReason {
    /** The anger exit hazard fired: a rare "too angry, close the app". */
    ANGER_EXIT,
    /** The seconds charged to the session reached its time budget. */
    TIME_BUDGET,
    /** The continue draw failed: bored, or simply done scrolling. */
    SCROLLED_AWAY,
    /** Every item of the day's feed was examined. */
    END_OF_FEED
}

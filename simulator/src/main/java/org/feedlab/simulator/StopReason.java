package org.feedlab.simulator;

/**
 * Why a session ended, checked after each examined item in this order (docs/MODEL.md, "Stopping").
 */
public enum StopReason {
    /** Anger passed the user's tolerance: "too angry and the session ends". */
    ANGER_EXIT,
    /** The seconds charged to the session reached the user's time budget. */
    TIME_BUDGET,
    /** The continue draw failed: bored, or simply done scrolling. */
    SCROLLED_AWAY,
    /** Every item of the feed was examined. */
    END_OF_FEED
}

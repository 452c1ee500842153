package org.feedlab.events;

/**
 * What kind of feed a user got: the scenario's ranking, or one of the feeds a policy gives some
 * users instead. The society reads it (the control group is the baseline of the amplification
 * metric), so it travels with every {@link Feed}.
 */
public enum FeedKind {
    /** Ordered by the scenario's objective. */
    RANKED,
    /** The randomized control group's reverse-chronological in-network feed. */
    CONTROL_CHRONOLOGICAL,
    /** The option not based on profiling (DSA Art. 38): followed accounts, newest first. */
    NON_PROFILING_CHRONOLOGICAL,
    /** The option not based on profiling, ordered by global popularity. */
    NON_PROFILING_POPULAR;

    /** Whether the feed may not use anything the platform recorded about the user. */
    public boolean nonProfiling() {
        return this == NON_PROFILING_CHRONOLOGICAL || this == NON_PROFILING_POPULAR;
    }

    /** Whether the feed shows followed accounts only. */
    public boolean inNetworkOnly() {
        return this == CONTROL_CHRONOLOGICAL || this == NON_PROFILING_CHRONOLOGICAL;
    }
}

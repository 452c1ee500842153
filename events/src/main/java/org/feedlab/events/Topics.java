package org.feedlab.events;

import java.util.List;

/** The platform's topics, declared once. */
public final class Topics {
    /** Posts published by creators. */
    public static final Topic<Post> POSTS = new Topic<>("posts", Post.class);

    /** Feed requests of users who opened the app. */
    public static final Topic<FeedRequest> FEED_REQUESTS =
            new Topic<>("feed-requests", FeedRequest.class);

    /** Ranked feeds, one per request. */
    public static final Topic<Feed> FEEDS = new Topic<>("feeds", Feed.class);

    /** Impression logs with the actions users took. */
    public static final Topic<Impression> ENGAGEMENTS =
            new Topic<>("engagements", Impression.class);

    /** Model versions with provenance, one per retraining. */
    public static final Topic<ModelVersion> MODEL_VERSIONS =
            new Topic<>("model-versions", ModelVersion.class);

    /**
     * Explanations of served feeds, for the users an audit samples (stream option {@code
     * audit_share}; empty by default).
     */
    public static final Topic<FeedAudit> FEED_AUDIT = new Topic<>("feed-audit", FeedAudit.class);

    /** Records that could not be read, with their origin. */
    public static final Topic<DeadLetter> DEAD_LETTERS =
            new Topic<>("dead-letters", DeadLetter.class);

    /** Topics the ranking job reads; the society writes tick-end markers to each. */
    public static final List<Topic<? extends PlatformRecord>> JOB_INPUTS =
            List.of(POSTS, FEED_REQUESTS, ENGAGEMENTS);

    /** Every topic, for creating them on a fresh broker. */
    public static final List<Topic<?>> ALL =
            List.of(
                    POSTS,
                    FEED_REQUESTS,
                    FEEDS,
                    ENGAGEMENTS,
                    MODEL_VERSIONS,
                    FEED_AUDIT,
                    DEAD_LETTERS);

    private Topics() {}
}

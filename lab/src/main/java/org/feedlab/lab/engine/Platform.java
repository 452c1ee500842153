package org.feedlab.lab.engine;

import java.util.List;
import java.util.Map;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;

/**
 * The platform as the society meets it: it takes one phase's posts, requests and the previous
 * tick's impression logs, and answers every request with a feed.
 */
public interface Platform extends AutoCloseable {

    /**
     * Publishes phase t and returns the feeds of tick t by user id.
     *
     * @param tick the tick t
     * @param posts posts published in t
     * @param requests feed requests of t
     * @param impressions impression logs of tick t−1
     */
    Map<Integer, Feed> serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions)
            throws Exception;

    /** Model versions announced so far, in order. */
    List<ModelVersion> modelVersions() throws Exception;

    /**
     * The feed audits published so far, ordered by tick then request id (empty unless the
     * scenario's {@code stream.audit_share} is above 0).
     */
    List<FeedAudit> audits() throws Exception;

    /** A short name for the manifest: "direct" or "stream". */
    String engine();

    /** Pipeline figures for the manifest (records dead-lettered, ...). */
    Map<String, Object> pipelineFacts() throws Exception;
}

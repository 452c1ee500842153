package org.feedlab.lab.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.lab.run.Manifest;

/**
 * The platform as the society meets it: it takes one phase's posts, requests and the previous
 * tick's impression logs, and answers every request with a feed (and an explanation of the feeds
 * the scenario audits).
 */
public interface Platform extends AutoCloseable {

    /**
     * Publishes phase t and returns the feeds of tick t with their audits.
     *
     * @param tick the tick t
     * @param posts posts published in t
     * @param requests feed requests of t
     * @param impressions impression logs of tick t−1
     */
    ServedTick serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions)
            throws Exception;

    /**
     * The users the platform's field-experiment policies treat ({@code remove-reshares}, {@code
     * rerank}), or empty when the scenario declares none; the same in every engine.
     */
    Optional<IntPredicate> treated();

    /** Model versions announced so far, in order. */
    List<ModelVersion> modelVersions() throws Exception;

    /** A short name for the manifest: "direct" or "stream". */
    String engine();

    /** Pipeline figures for the manifest (records dead-lettered, ...). */
    Manifest.Pipeline pipelineFacts() throws Exception;
}

package org.feedlab.ranker.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.PredictionSource;
import org.feedlab.ranker.RankedFeed;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.FeedExplanation;

/**
 * The platform's serving step for one user in one phase, called by both engines: the direct
 * platform for every user of a tick, the stream job's keyed scorer for its key. In order:
 *
 * <ol>
 *   <li>apply the user's impression logs of earlier ticks to their serving profile, sorted by
 *       {@link UserProfile#LOG_ORDER}, with post lookups in the phase's context;
 *   <li>forget seen posts that can no longer be candidates (when there were logs);
 *   <li>rank each request, by request id, with the context of its tick;
 *   <li>explain the feeds of audited users from what ranked them.
 * </ol>
 *
 * Arrival order never changes the result, so both engines serve the same feeds.
 */
public final class FeedServer {
    private final RankerConfig config;
    private final int topics;
    private final FeedRanker ranker;
    private final Audit audit;

    /**
     * What one user's serving step produced.
     *
     * @param feeds the feeds, in request order
     * @param audits explanations of the feeds the audit includes
     * @param candidatesScored candidates the ranker scored for these feeds
     */
    public record Served(List<Feed> feeds, List<FeedAudit> audits, int candidatesScored) {}

    /**
     * @param config the ranker's configuration
     * @param topics size of the platform's topic taxonomy (for new profiles)
     * @param runSeed the run seed
     * @param audit whose feeds are explained
     */
    public FeedServer(RankerConfig config, int topics, long runSeed, Audit audit) {
        this(config, topics, runSeed, audit, null);
    }

    /**
     * A serving step whose ranker takes the true probabilities from {@code oracle} ({@code
     * ranker.oracle}; the lab's direct engine only).
     *
     * @param oracle the true probabilities, or null to rank with the tick's model
     */
    public FeedServer(
            RankerConfig config, int topics, long runSeed, Audit audit, PredictionSource oracle) {
        this.config = config;
        this.topics = topics;
        this.ranker = new FeedRanker(config, runSeed, oracle);
        this.audit = audit;
    }

    /** The serving profile of a user the platform has not seen yet. */
    public UserProfile newProfile() {
        return new UserProfile(topics);
    }

    /**
     * Serves one user for one phase.
     *
     * @param profile the user's serving profile, updated in place
     * @param impressions the user's impression logs that reached the platform in this phase
     * @param requests the user's feed requests of this phase
     * @param context the context of the phase
     * @param contexts the context that ranks a request of an earlier tick (one that arrived late)
     */
    public Served serve(
            UserProfile profile,
            List<Impression> impressions,
            List<FeedRequest> requests,
            TickContext context,
            LongFunction<TickContext> contexts) {
        List<Impression> logs = new ArrayList<>(impressions);
        logs.sort(UserProfile.LOG_ORDER);
        for (Impression log : logs) {
            profile.apply(log, context::post);
        }
        if (!logs.isEmpty()) {
            // Posts this old can never be candidates again: keep the profile bounded.
            profile.forgetSeenBefore(config.retrieval().oldestKept(context.tick));
        }
        List<FeedRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparingLong(FeedRequest::requestId));
        List<Feed> feeds = new ArrayList<>(ordered.size());
        List<FeedAudit> audits = new ArrayList<>();
        int candidates = 0;
        for (FeedRequest request : ordered) {
            TickContext ranking =
                    request.tick() == context.tick ? context : contexts.apply(request.tick());
            if (ranking == null) {
                throw new IllegalStateException(
                        "no platform context for tick "
                                + request.tick()
                                + " (request "
                                + request.requestId()
                                + ")");
            }
            RankedFeed ranked = ranker.rank(request, profile, ranking);
            feeds.add(ranked.feed());
            candidates += ranked.scores().size();
            if (audit.includes(request.userId())) {
                audits.add(FeedExplanation.explain(ranked, audit.topFeatures()));
            }
        }
        return new Served(feeds, audits, candidates);
    }
}

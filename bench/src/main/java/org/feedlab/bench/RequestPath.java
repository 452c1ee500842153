package org.feedlab.bench;

import java.util.List;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.CandidateRetriever;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.RetrievalConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.ranker.serving.FeedServer;

/**
 * One user's feed request served by the platform's own serving step ({@link FeedServer#serve}, the
 * code both engines call): retrieval, feature extraction, the compiled model, the objective, the
 * policies, the sort and the feed's items. The platform is {@link RankerFixture}'s synthetic
 * history: 2,000 posts of 200 authors at most 3 ticks old, 300 users who follow 120 authors each,
 * and the default model trained on it. The ranker is the default one (the classroom's: the
 * engagement objective, no policy) with retrieval set to return exactly {@code candidates}: the
 * newest {@code candidates − 150} unseen posts of followed authors and the 150 most engaged-with
 * others. The request is the day's feed of {@value RankerFixture#FEED_SIZE} items.
 *
 * <p>The stages can also be run alone, through the same public methods the ranker calls, for a
 * per-stage breakdown.
 */
public final class RequestPath {
    /** Out-of-network candidates per request: the default retrieval's. */
    public static final int POPULAR = RetrievalConfig.DEFAULTS.popularCandidates();

    private final int candidates;
    private final RankerConfig config;
    private final FeedServer server;
    private final UserProfile profile;
    private final FeedRequest request;
    private final List<FeedRequest> requests;
    private final TickContext context;
    private final WideDeepScorer scorer;

    private RequestPath(
            int candidates,
            RankerConfig config,
            UserProfile profile,
            FeedRequest request,
            TickContext context,
            WideDeepScorer scorer) {
        this.candidates = candidates;
        this.config = config;
        this.server = new FeedServer(config, RankerFixture.TOPICS, 2024, Audit.none());
        this.profile = profile;
        this.request = request;
        this.requests = List.of(request);
        this.context = context;
        this.scorer = scorer;
    }

    /**
     * The request of one user of the fixture's history with {@code candidates} candidates.
     *
     * @throws IllegalArgumentException when the fixture cannot supply that many candidates
     */
    public static RequestPath of(RankerFixture fixture, int candidates) {
        if (candidates <= POPULAR) {
            throw new IllegalArgumentException(
                    "a request path needs more than " + POPULAR + " candidates, got " + candidates);
        }
        RankerConfig config =
                RankerConfig.DEFAULTS.withRetrieval(
                        RetrievalConfig.DEFAULTS.withInNetworkCandidates(candidates - POPULAR));
        int user = 7;
        long tick = RankerFixture.TICK;
        FeedRequest request =
                FeedRequest.of(
                        FeedRequest.idFor(tick, user),
                        user,
                        tick,
                        fixture.index().following(user),
                        RankerFixture.FEED_SIZE);
        TickContext context =
                new TickContext(
                        tick,
                        1,
                        fixture.scorer(),
                        fixture.index().snapshot(),
                        fixture.index().followerCounts());
        RequestPath path =
                new RequestPath(
                        candidates, config, fixture.user(user), request, context, fixture.scorer());
        int retrieved = path.retrieve().size();
        if (retrieved != candidates) {
            throw new IllegalArgumentException(
                    "the fixture's user "
                            + user
                            + " has "
                            + retrieved
                            + " candidates, not "
                            + candidates);
        }
        return path;
    }

    /** Candidates per request. */
    public int candidates() {
        return candidates;
    }

    /** The whole path: the serving step for this user, one request, no new impression logs. */
    public FeedServer.Served serve() {
        return server.serve(profile, List.<Impression>of(), requests, context, t -> null);
    }

    /** Retrieval alone. */
    public List<Candidate> retrieve() {
        return CandidateRetriever.retrieve(request, profile, context, config.retrieval());
    }

    /** Feature extraction alone, for the given candidates. */
    public float[] features(List<Candidate> retrieved) {
        return FeedRanker.features(request, profile, context, retrieved);
    }

    /**
     * The compiled model's forward pass alone: every head for every row, user-side slots shared.
     */
    public double[] forward(float[] xs, double[] out) {
        scorer.predictBatch(xs, candidates, out, RankerFixture.USER_SIDE);
        return out;
    }

    /** Outputs of {@link #forward}: candidates × heads. */
    public int outputs() {
        return candidates * scorer.heads();
    }

    /**
     * FLOPs the compiled model executes per candidate of this request ({@link
     * WideDeepScorer#executedFlopsPerCandidate}: what the gathers of non-zero and hashed slots and
     * the dense layers execute, not a dense equivalent).
     */
    public double executedFlopsPerCandidate() {
        return scorer.executedFlopsPerCandidate(
                features(retrieve()), candidates, RankerFixture.USER_SIDE);
    }

    /** Mean non-zero slots per candidate of this request. */
    public double meanNonZero() {
        long nonZero = 0;
        for (float v : features(retrieve())) {
            nonZero += v != 0f ? 1 : 0;
        }
        return nonZero / (double) candidates;
    }
}

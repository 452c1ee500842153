package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.SharedSlots;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.policy.FeedPolicy;
import org.feedlab.ranker.policy.RankingState;

/**
 * Ranks one feed request: policies choose the kind of feed, candidates are retrieved and filtered,
 * every head is predicted for all of them in one batch, the objective scores them term by term,
 * policies adjust scores and the selection, and the feed is cut to size. Ties break on post id so
 * the order never depends on arrival or iteration order.
 */
public final class FeedRanker {
    /** Every candidate of a request is scored for one user: the user-side slots are shared. */
    private static final SharedSlots USER_SIDE = SharedSlots.of(FeatureSpace.userSideSlots());

    private final RankerConfig config;
    private final Objective objective;
    private final List<FeedPolicy> policies;
    private final long runSeed;

    public FeedRanker(RankerConfig config, long runSeed) {
        this.config = config;
        this.policies = config.policies();
        this.objective = config.objectiveInForce();
        this.runSeed = runSeed;
    }

    /** The objective in force after policies changed it (e.g. weight caps). */
    public Objective objective() {
        return objective;
    }

    /**
     * Ranks a request, given the user's profile and the tick's context: the feed, and for its items
     * the score breakdown and features it was ranked with.
     */
    public RankedFeed rank(FeedRequest request, UserProfile user, TickContext context) {
        RankingState state = new RankingState(request, user, context, runSeed);
        for (FeedPolicy p : policies) {
            p.audience(state);
        }
        boolean ranked = state.kind == FeedKind.RANKED;
        // A non-profiling feed must not depend on the user's history, not even on what they saw.
        UserProfile retrievalUser = state.kind.nonProfiling() ? new UserProfile(1) : user;
        boolean inNetworkOnly =
                state.kind.inNetworkOnly()
                        || (ranked && objective.kind() == Objective.Kind.CHRONOLOGICAL);
        // A chronological feed shows followed accounts only: out-of-network posts are not even
        // retrieved.
        state.candidates =
                CandidateRetriever.retrieve(
                        request, retrievalUser, context, config.retrieval(), !inNetworkOnly);
        for (FeedPolicy p : policies) {
            p.candidates(state);
        }
        List<Candidate> candidates = state.candidates;
        int n = candidates.size();
        Scorer scorer = ranked ? context.scorer : null;
        float[] features = scorer == null ? null : features(request, user, context, candidates);
        state.predictions = scorer == null ? empty(n) : predict(scorer, features, n);
        state.friction = new boolean[n];
        PlatformSignals signals = context.signals == null ? new PlatformSignals() : context.signals;
        state.scores =
                orderedBy(state.kind)
                        .score(
                                candidates,
                                state.predictions,
                                scorer == null ? null : scorer.headNames(),
                                user.leaning(),
                                signals,
                                purpose ->
                                        Seeds.derive(
                                                runSeed,
                                                request.userId(),
                                                request.tick(),
                                                purpose));
        if (ranked) {
            objective.adjust(candidates, state.scores);
            for (FeedPolicy p : policies) {
                p.scores(state);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, state.order());
        state.selected = new int[Math.min(request.feedSize(), n)];
        for (int r = 0; r < state.selected.length; r++) {
            state.selected[r] = order[r];
        }
        for (FeedPolicy p : policies) {
            p.feed(state);
        }
        int size =
                state.itemLimit > 0
                        ? Math.min(state.itemLimit, state.selected.length)
                        : state.selected.length;
        List<FeedItem> items = new ArrayList<>(size);
        int[] served = Arrays.copyOf(state.selected, size);
        for (int i : served) {
            Candidate c = candidates.get(i);
            items.add(
                    new FeedItem(
                            c.stats().post().postId(),
                            state.scores.total(i),
                            state.predictions[i],
                            c.inNetwork(),
                            state.friction[i]));
        }
        Feed feed =
                Feed.of(
                        request.requestId(),
                        request.userId(),
                        request.tick(),
                        ranked ? context.modelVersion : ModelVersion.NONE,
                        state.kind,
                        orderedBy(state.kind).name(),
                        items,
                        state.nudge);
        return new RankedFeed(feed, state.scores, served, features, scorer);
    }

    /** The objective that orders a feed of this kind. */
    private Objective orderedBy(FeedKind kind) {
        return switch (kind) {
            case RANKED -> objective;
            case CONTROL_CHRONOLOGICAL, NON_PROFILING_CHRONOLOGICAL -> Objective.CHRONOLOGICAL;
            case NON_PROFILING_POPULAR -> Objective.POPULARITY;
        };
    }

    private static double[][] empty(int n) {
        double[][] out = new double[n][];
        Arrays.fill(out, new double[0]);
        return out;
    }

    /** The candidates' feature vectors, row after row. */
    private static float[] features(
            FeedRequest request,
            UserProfile user,
            TickContext context,
            List<Candidate> candidates) {
        int f = Feature.count();
        float[] xs = new float[candidates.size() * f];
        Viewer viewer = new Viewer(request.userId(), user, request.tick(), SessionContext.TOP);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            FeatureExtractor.extract(
                    viewer,
                    c.stats(),
                    context.followers(c.stats().post().authorId()),
                    c.inNetwork(),
                    xs,
                    i * f);
        }
        return xs;
    }

    /** Every head for every candidate, in one batch. */
    private static double[][] predict(Scorer scorer, float[] xs, int n) {
        int h = scorer.heads();
        double[] ps = new double[n * h];
        scorer.predictBatch(xs, n, ps, USER_SIDE);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(ps, i * h, (i + 1) * h);
        }
        return out;
    }
}

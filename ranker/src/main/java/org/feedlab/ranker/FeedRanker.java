package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.SharedSlots;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.policy.FeedPolicy;
import org.feedlab.ranker.policy.RankingState;

/**
 * Ranks one feed request: policies choose the kind of feed, candidates are retrieved and filtered,
 * every head is predicted for all of them in one batch, the objective scores them, policies adjust
 * scores and the selection, and the feed is cut to size. Ties break on post id so the order never
 * depends on arrival or iteration order.
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

    /** The ranked feed for a request, given the user's profile and the tick's context. */
    public Feed rank(FeedRequest request, UserProfile user, TickContext context) {
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
        state.predictions = ranked ? predict(request, user, context, candidates) : empty(n);
        state.scores = new double[n];
        state.friction = new boolean[n];
        switch (state.kind) {
            case CONTROL_CHRONOLOGICAL, NON_PROFILING_CHRONOLOGICAL -> chronological(state);
            case NON_PROFILING_POPULAR -> popularity(state);
            case RANKED -> {
                score(state);
                for (FeedPolicy p : policies) {
                    p.scores(state);
                }
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
        for (int r = 0; r < size; r++) {
            int i = state.selected[r];
            Candidate c = candidates.get(i);
            items.add(
                    new FeedItem(
                            c.stats().post().postId(),
                            state.scores[i],
                            state.predictions[i],
                            c.inNetwork(),
                            state.friction[i]));
        }
        return Feed.of(
                request.requestId(),
                request.userId(),
                request.tick(),
                ranked ? context.modelVersion : ModelVersion.NONE,
                state.kind,
                feedObjective(state.kind),
                items,
                state.nudge);
    }

    /** The name of the objective that ordered a feed of this kind. */
    private String feedObjective(FeedKind kind) {
        return switch (kind) {
            case RANKED -> objective.name();
            case CONTROL_CHRONOLOGICAL, NON_PROFILING_CHRONOLOGICAL ->
                    Objective.CHRONOLOGICAL.name();
            case NON_PROFILING_POPULAR -> Objective.POPULARITY.name();
        };
    }

    /** Scores a ranked feed by the objective. */
    private void score(RankingState state) {
        List<Candidate> candidates = state.candidates;
        double[] scores = state.scores;
        int n = candidates.size();
        switch (objective.kind()) {
            case WEIGHTED -> {
                Scorer scorer = state.context.scorer;
                if (scorer == null) {
                    // No model yet: explore at random so the first window holds unshaped logs.
                    randomScores(state.request, scores, "explore");
                    return;
                }
                List<String> heads = scorer.headNames();
                double[] w = objective.headWeights(heads);
                int angry = heads.indexOf(Action.ANGRY.key());
                ObjectiveTerms terms = objective.terms();
                PlatformSignals signals = signals(state.context);
                double outrageWeight = terms.outragePenalty() + signals.outrageMultiplier;
                double leaning = state.user.leaning();
                for (int i = 0; i < n; i++) {
                    double[] p = state.predictions[i];
                    double s = 0.0;
                    for (int k = 0; k < Math.min(w.length, p.length); k++) {
                        s += w[k] * p[k];
                    }
                    Post post = candidates.get(i).stats().post();
                    if (outrageWeight != 0.0) {
                        double outrage =
                                ObjectiveTerms.ANGRY.equals(terms.outrageSource()) && angry >= 0
                                        ? p[angry]
                                        : post.outrageScore();
                        s -= outrageWeight * outrage;
                    }
                    if (terms.diversityBonus() != 0.0) {
                        s += terms.diversityBonus() * Math.abs(post.stance() - leaning) / 2.0;
                    }
                    scores[i] = s;
                }
            }
            case CHRONOLOGICAL -> chronological(state);
            case RANDOM -> randomScores(state.request, scores, "random-order");
            case POPULARITY -> popularity(state);
            case BRIDGING -> {
                PlatformSignals signals = signals(state.context);
                for (int i = 0; i < n; i++) {
                    scores[i] = signals.intercept(candidates.get(i).stats().post().postId());
                }
            }
        }
    }

    private static PlatformSignals signals(TickContext context) {
        return context.signals == null ? new PlatformSignals() : context.signals;
    }

    private static void chronological(RankingState state) {
        for (int i = 0; i < state.scores.length; i++) {
            state.scores[i] = state.candidates.get(i).stats().post().tick();
        }
    }

    private static void popularity(RankingState state) {
        for (int i = 0; i < state.scores.length; i++) {
            state.scores[i] = state.candidates.get(i).stats().engagements();
        }
    }

    private static double[][] empty(int n) {
        double[][] out = new double[n][];
        Arrays.fill(out, new double[0]);
        return out;
    }

    private double[][] predict(
            FeedRequest request,
            UserProfile user,
            TickContext context,
            List<Candidate> candidates) {
        int n = candidates.size();
        Scorer scorer = context.scorer;
        double[][] out = new double[n][];
        if (scorer == null) {
            Arrays.fill(out, new double[0]);
            return out;
        }
        int f = Feature.count();
        int h = scorer.heads();
        float[] xs = new float[n * f];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            FeatureExtractor.extract(
                    user,
                    c.stats(),
                    context.followers(c.stats().post().authorId()),
                    request.tick(),
                    c.inNetwork(),
                    xs,
                    i * f);
        }
        double[] ps = new double[n * h];
        scorer.predictBatch(xs, n, ps, USER_SIDE);
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(ps, i * h, (i + 1) * h);
        }
        return out;
    }

    private void randomScores(FeedRequest request, double[] scores, String purpose) {
        SplittableRandom rng = Seeds.derive(runSeed, request.userId(), request.tick(), purpose);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rng.nextDouble();
        }
    }

    public RankerConfig config() {
        return config;
    }
}

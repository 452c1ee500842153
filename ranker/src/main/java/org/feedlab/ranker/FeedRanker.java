package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Head;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.FeatureMask;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.features.SessionContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.SharedSlots;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.objective.ScoreBreakdown;
import org.feedlab.ranker.policy.FeedPolicy;
import org.feedlab.ranker.policy.RankingState;
import org.feedlab.ranker.policy.TelemetryRestriction;

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

    /** The source of true probabilities under {@code ranker.oracle}, otherwise null. */
    private final PredictionSource oracle;

    /** Telemetry restrictions that start after tick 0, and the masks of their groups. */
    private final List<TelemetryRestriction> lateRestrictions;

    private final List<FeatureMask> lateMasks;

    /** A ranker that predicts with the tick's model. */
    public FeedRanker(RankerConfig config, long runSeed) {
        this(config, runSeed, null);
    }

    /**
     * A ranker whose ranked feeds take their predictions from {@code oracle} when the config asks
     * for the oracle ({@code ranker.oracle}), from the tick's model otherwise.
     *
     * @param oracle the true probabilities; required exactly when {@code config.oracle()}
     * @throws IllegalArgumentException when the source and the config disagree
     */
    public FeedRanker(RankerConfig config, long runSeed, PredictionSource oracle) {
        if (config.oracle() != (oracle != null)) {
            throw new IllegalArgumentException(
                    config.oracle()
                            ? "ranker.oracle needs the society's true probabilities, which only"
                                    + " the lab's direct engine has"
                            : "a source of true probabilities without ranker.oracle");
        }
        this.config = config;
        this.policies = config.policies();
        List<TelemetryRestriction> late = new ArrayList<>();
        List<FeatureMask> masks = new ArrayList<>();
        for (FeedPolicy p : policies) {
            if (p instanceof TelemetryRestriction r && r.fromTick() > 0) {
                late.add(r);
                masks.add(FeatureMask.ofNames(r.groups()));
            }
        }
        this.lateRestrictions = List.copyOf(late);
        this.lateMasks = List.copyOf(masks);
        this.objective = config.objectiveInForce();
        this.runSeed = runSeed;
        this.oracle = oracle;
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
        // Under the oracle the society's true probabilities stand in for the model's.
        boolean truth = ranked && oracle != null;
        Scorer scorer = ranked && !truth ? context.scorer : null;
        List<String> heads =
                truth ? oracle.headNames() : scorer == null ? null : scorer.headNames();
        float[] features =
                scorer == null
                        ? null
                        : withheld(features(request, user, context, candidates), n, context.tick);
        if (truth) {
            state.predictions =
                    oracle.predict(viewer(state, SessionContext.TOP), candidates, List.of());
        } else {
            state.predictions = scorer == null ? empty(n) : predict(scorer, features, n);
        }
        state.friction = new boolean[n];
        PlatformSignals signals = context.signals == null ? new PlatformSignals() : context.signals;
        state.scores = score(state, heads, signals, candidates, state.predictions);
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
        if (ranked && heads != null && objective.sessionAware()) {
            buildSlate(state, scorer, heads, signals, features, order);
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
                        ranked && !truth ? context.modelVersion : ModelVersion.NONE,
                        state.kind,
                        orderedBy(state.kind).name(),
                        items,
                        state.nudge,
                        unserved(candidates, served));
        return new RankedFeed(feed, state.scores, served, features, scorer);
    }

    /** The objective's score of every candidate, term by term. */
    private ScoreBreakdown score(
            RankingState state,
            List<String> heads,
            PlatformSignals signals,
            List<Candidate> candidates,
            double[][] predictions) {
        FeedRequest request = state.request;
        return orderedBy(state.kind)
                .score(
                        candidates,
                        predictions,
                        heads,
                        state.user.leaning(),
                        signals,
                        purpose ->
                                Seeds.derive(runSeed, request.userId(), request.tick(), purpose));
    }

    /**
     * The session-aware objective's feed ({@link SessionSlate}): the first-pass top {@link
     * SessionSlate#POOL_PER_SLOT}·L candidates are re-scored at each slot's context and placed one
     * by one. Each placed candidate then carries the predictions and features of its slot, and its
     * score is its slot value: the objective's terms at that context, the first pass's adjustments
     * (preset factors and policies' score stages, computed at the top of the feed) and the {@code
     * session-value} term p_cont · V. Under the oracle the true probabilities at each slot's
     * context, given the items placed above it, stand in for the model's (no feature rows).
     */
    private void buildSlate(
            RankingState state,
            Scorer scorer,
            List<String> heads,
            PlatformSignals signals,
            float[] features,
            Integer[] order) {
        List<Candidate> candidates = state.candidates;
        int n = candidates.size();
        int slots = state.selected.length;
        int[] pool = new int[Math.min(n, SessionSlate.POOL_PER_SLOT * slots)];
        for (int j = 0; j < pool.length; j++) {
            pool[j] = order[j];
        }
        double[] outrage = new double[n];
        long[] postIds = new long[n];
        for (int i = 0; i < n; i++) {
            outrage[i] = candidates.get(i).stats().post().outrageScore();
            postIds[i] = candidates.get(i).stats().post().postId();
        }
        int f = Feature.count();
        int continuation = heads.indexOf(Head.CONTINUATION.key());
        ScoreBreakdown firstPass = state.scores;
        // The predictions and feature rows each candidate was last valued with: after the slate
        // is built, a placed candidate's are those of its own slot.
        double[][] slotPredictions = state.predictions.clone();
        float[] slotFeatures = features == null ? null : new float[n * f];
        SessionSlate.Valuation valuation =
                (ctx, placed, cands, count, immediate, cont) -> {
                    List<Candidate> rows = new ArrayList<>(count);
                    for (int j = 0; j < count; j++) {
                        rows.add(candidates.get(cands[j]));
                    }
                    float[] xs = null;
                    double[][] ps;
                    if (scorer == null) {
                        List<Candidate> above = new ArrayList<>(placed.length);
                        for (int i : placed) {
                            above.add(candidates.get(i));
                        }
                        ps = oracle.predict(viewer(state, ctx), rows, above);
                    } else {
                        xs =
                                withheld(
                                        features(viewer(state, ctx), state.context, rows),
                                        count,
                                        state.context.tick);
                        ps = predict(scorer, xs, count);
                    }
                    ScoreBreakdown at = score(state, heads, signals, rows, ps);
                    for (int j = 0; j < count; j++) {
                        int i = cands[j];
                        immediate[j] = at.total(j) + firstPass.adjusted(i);
                        cont[j] = continuation >= 0 ? ps[j][continuation] : 0.0;
                        slotPredictions[i] = ps[j];
                        if (xs != null) {
                            System.arraycopy(xs, j * f, slotFeatures, i * f, f);
                        }
                    }
                };
        List<SessionSlate.Slot> slate =
                SessionSlate.build(pool, slots, outrage, postIds, valuation);
        // Unplaced candidates keep their first-pass predictions and features.
        double[][] predictions = state.predictions.clone();
        double[] sessionValue = new double[n];
        for (int s = 0; s < slate.size(); s++) {
            SessionSlate.Slot slot = slate.get(s);
            int i = slot.candidate();
            state.selected[s] = i;
            predictions[i] = slotPredictions[i];
            if (features != null) {
                System.arraycopy(slotFeatures, i * f, features, i * f, f);
            }
            sessionValue[i] = slot.sessionValue();
        }
        ScoreBreakdown scores = score(state, heads, signals, candidates, predictions);
        List<String> adjustedBy = firstPass.adjustedBy();
        for (int a = 0; a < adjustedBy.size(); a++) {
            scores.adjust(adjustedBy.get(a), firstPass.adjustment(a));
        }
        scores.adjust(SESSION_VALUE, sessionValue);
        state.predictions = predictions;
        state.scores = scores;
    }

    /** Name of the session-aware objective's look-ahead term in score breakdowns. */
    public static final String SESSION_VALUE = "session-value";

    /**
     * The post ids of the candidates the feed does not hold, ascending: the rest of the candidate
     * pool, which the society measures (ids only; the feed's items are the other part).
     */
    private static long[] unserved(List<Candidate> candidates, int[] served) {
        boolean[] inFeed = new boolean[candidates.size()];
        for (int i : served) {
            inFeed[i] = true;
        }
        long[] ids = new long[candidates.size()];
        int k = 0;
        for (int i = 0; i < inFeed.length; i++) {
            if (!inFeed[i]) {
                ids[k++] = candidates.get(i).stats().post().postId();
            }
        }
        long[] out = Arrays.copyOf(ids, k);
        Arrays.sort(out);
        return out;
    }

    /** The request's user at a slot of this session context. */
    private static Viewer viewer(RankingState state, SessionContext session) {
        return new Viewer(state.request.userId(), state.user, state.request.tick(), session);
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

    /**
     * The candidates' feature vectors, row after row, at the top of a session: what {@link #rank}
     * hands the model (public so the request-path benchmark can time this stage alone).
     */
    public static float[] features(
            FeedRequest request,
            UserProfile user,
            TickContext context,
            List<Candidate> candidates) {
        return features(
                new Viewer(request.userId(), user, request.tick(), SessionContext.TOP),
                context,
                candidates);
    }

    /** The candidates' feature vectors, row after row, as this viewer sees them. */
    private static float[] features(
            Viewer viewer, TickContext context, List<Candidate> candidates) {
        int f = Feature.count();
        float[] xs = new float[candidates.size() * f];
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

    /**
     * Zeroes, in n rows, the slots of every telemetry restriction that starts after tick 0 once its
     * tick has come ({@link TelemetryRestriction#servingMaskAt}): a model trained before it may
     * still hold weights for them, and must see them as absent. Returns the rows.
     */
    private float[] withheld(float[] xs, int n, long tick) {
        for (int i = 0; i < lateRestrictions.size(); i++) {
            if (lateRestrictions.get(i).servingMaskAt(tick)) {
                lateMasks.get(i).apply(xs, n);
            }
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

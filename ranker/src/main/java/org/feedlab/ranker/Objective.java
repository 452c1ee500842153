package org.feedlab.ranker;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.feedlab.events.Action;
import org.feedlab.events.Head;
import org.feedlab.events.Post;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.objective.ScoreBreakdown;

/**
 * What the feed optimises: Σ w_k·p_k over named model heads plus optional terms, or an ordering
 * that uses no model at all. Weights are held by head name so a model with more heads (dwell,
 * survey) is scored without renumbering.
 *
 * <p>Presets and their sources are listed in docs/MODEL.md ("Objectives"). The Twitter/X preset
 * maps the heavy-ranker weights published on 5 April 2023 (the-algorithm-ml, projects/home/recap)
 * onto our heads: good_click 11 → click, fav 0.5 → like, retweet 1.0 → reshare, reply 13.5 →
 * comment, negative_feedback_v2 −74 → hide; report −369 has no head (no report action).
 *
 * @param name preset name as written in scenario files (and stamped on feeds)
 * @param kind how items are ordered
 * @param weights weight per head name, used when kind is WEIGHTED
 * @param fallback weights used instead when the model lacks a head that {@code weights} needs
 *     (empty: missing heads count as 0)
 * @param terms researcher-declared terms (penalty, bonus, cap)
 */
public record Objective(
        String name,
        Kind kind,
        Map<String, Double> weights,
        Map<String, Double> fallback,
        ObjectiveTerms terms) {

    /** How an objective orders candidates. */
    public enum Kind {
        /** Σ weight_k · p_k over the model's heads, plus terms. */
        WEIGHTED,
        /** Newest first, in-network only. */
        CHRONOLOGICAL,
        /** A uniformly random order, drawn per (user, tick). */
        RANDOM,
        /** Most engaged-with first (the platform's counters; the same for every user). */
        POPULARITY,
        /** By the bridging intercept i_n of the platform's approval factorisation. */
        BRIDGING
    }

    /** Every preset name, in the order documentation lists them. */
    public static final List<String> PRESETS =
            List.of(
                    "engagement-twitter-2023",
                    "engagement-x-2026",
                    "engagement",
                    "engagement-outrage-cap",
                    "reactions-5x-anger",
                    "reactions-2020",
                    "time-spent",
                    "session-aware",
                    "stated-preference",
                    "bridging",
                    "chronological",
                    "random",
                    "popularity",
                    "custom");

    /** The Twitter/X 2023 heavy-ranker weights on our heads (no angry reaction: weight 0). */
    public static final Objective ENGAGEMENT = named("engagement");

    public static final Objective CHRONOLOGICAL = named("chronological");

    public static final Objective RANDOM = named("random");

    public static final Objective POPULARITY = named("popularity");

    /** Fills empty maps and terms, so consumers never null-check. */
    public Objective {
        weights =
                weights == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        fallback =
                fallback == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(fallback));
        terms = terms == null ? ObjectiveTerms.none() : terms;
    }

    /** The preset with this name and no extra terms. */
    public static Objective named(String name) {
        return of(name, ObjectiveTerms.none());
    }

    /**
     * The preset with this name, its weights overridden by {@code terms.weights()} and its terms
     * added.
     *
     * @throws IllegalArgumentException for an unknown preset or head
     */
    public static Objective of(String name, ObjectiveTerms terms) {
        String key = name.toLowerCase(Locale.ROOT);
        Map<String, Double> w = new LinkedHashMap<>();
        Map<String, Double> fallback = new LinkedHashMap<>();
        Kind kind = Kind.WEIGHTED;
        ObjectiveTerms t = terms;
        switch (key) {
            case "engagement", "engagement-twitter-2023" -> twitter2023(w);
            case X_2026 -> x2026(w);
            case "engagement-outrage-cap" -> {
                twitter2023(w);
                if (!terms.capped()) {
                    t = withCap(terms, DEFAULT_OUTRAGE_CAP);
                }
            }
            // Facebook's 2017 reaction weighting as reported by the Washington Post (Oct.
            // 2021, secondary): emoji reactions, angry included, worth 5 likes. Comment 15
            // and reshare 5 are the "meaningful social interaction" points reported in the
            // same press coverage (secondary): like 1, reaction or reshare without text 5,
            // comment 15.
            case "reactions-5x-anger" -> reactions(w, 5.0);
            // The 2020 variant: the angry reaction's weight set to 0, the rest unchanged.
            case "reactions-2020" -> reactions(w, 0.0);
            case "time-spent" -> {
                w.put(Head.DWELL.key(), 1.0);
                // Until the model has a dwell head, a click (opening the item) is the time proxy.
                fallback.put(Action.CLICK.key(), 1.0);
            }
            case SESSION_AWARE -> {
                // The immediate value r of the slot-by-slot feed: time spent, as time-spent.
                w.put(Head.DWELL.key(), 1.0);
                fallback.put(Action.CLICK.key(), 1.0);
            }
            case "stated-preference" -> {
                w.put(Head.SURVEY.key(), 1.0);
                // Until the model has a survey head: approval minus rejection, the nearest
                // revealed signal to "worth your time".
                fallback.put(Action.LIKE.key(), 1.0);
                fallback.put(Action.HIDE.key(), -1.0);
            }
            case "bridging" -> kind = Kind.BRIDGING;
            case "chronological" -> kind = Kind.CHRONOLOGICAL;
            case "random" -> kind = Kind.RANDOM;
            case "popularity" -> kind = Kind.POPULARITY;
            case "custom" -> {}
            default ->
                    throw new IllegalArgumentException(
                            "unknown objective: " + name + " (expected one of " + PRESETS + ")");
        }
        for (Map.Entry<String, Double> e : terms.weights().entrySet()) {
            w.put(e.getKey(), e.getValue());
        }
        return new Objective(key, kind, w, fallback, t);
    }

    /** Default cap of the constrained preset: at most a quarter of served items outrageous. */
    public static final double DEFAULT_OUTRAGE_CAP = 0.25;

    private static ObjectiveTerms withCap(ObjectiveTerms terms, double cap) {
        return new ObjectiveTerms(
                terms.weights(),
                terms.outragePenalty(),
                terms.outrageSource(),
                terms.diversityBonus(),
                cap,
                terms.capStep());
    }

    private static void twitter2023(Map<String, Double> w) {
        w.put(Action.CLICK.key(), 11.0);
        w.put(Action.LIKE.key(), 0.5);
        w.put(Action.RESHARE.key(), 1.0);
        w.put(Action.COMMENT.key(), 13.5);
        w.put(Action.HIDE.key(), -74.0);
        w.put(Action.ANGRY.key(), 0.0);
    }

    /**
     * Name of the session-aware preset: the feed is built slot by slot ({@link SessionSlate}), each
     * slot valued by its immediate value (by default the dwell head, as time-spent) plus the
     * continuation head times the expected value of the rest of the session.
     */
    public static final String SESSION_AWARE = "session-aware";

    /** Whether the feed is built slot by slot with a look-ahead ({@link SessionSlate}). */
    public boolean sessionAware() {
        return name.equals(SESSION_AWARE) && kind == Kind.WEIGHTED;
    }

    /** Name of the preset from X's open-sourced home mixer. */
    public static final String X_2026 = "engagement-x-2026";

    /** The home mixer's out-of-network factor ({@code OonWeightFactor}). */
    public static final double X_OUT_OF_NETWORK = 0.75;

    /** The home mixer's author diversity decay ({@code AuthorDiversityDecay}). */
    public static final double X_AUTHOR_DECAY = 0.5;

    /** The home mixer's author diversity floor ({@code AuthorDiversityFloor}). */
    public static final double X_AUTHOR_FLOOR = 0.25;

    /**
     * X's home-mixer weights (xai-org/x-algorithm, home-mixer/params/param.rs, synced 2026-08-12)
     * on our heads: favorite 0.5 → like, reply 5 → comment, retweet 1 + quote 5 → reshare (a quote
     * is a reshare with text; we have no separate quote action), click 0.4 + open link 0.2 → click,
     * follow author 4 → none (no follow head), not interested −43.2 + mute −58.8 → hide (our hide
     * is "show me less of this", and a hide may unfollow the author, as a mute silences them);
     * share 2, share via DM 5, share via copy link 20, block −31.2 and report −234 have no action
     * here. Out-of-network and author-diversity factors: {@link #adjust}.
     */
    private static void x2026(Map<String, Double> w) {
        w.put(Action.CLICK.key(), 0.4 + 0.2);
        w.put(Action.LIKE.key(), 0.5);
        w.put(Action.RESHARE.key(), 1.0 + 5.0);
        w.put(Action.COMMENT.key(), 5.0);
        w.put(Action.HIDE.key(), -43.2 - 58.8);
        w.put(Action.ANGRY.key(), 0.0);
    }

    /**
     * The preset's own score factors, applied after the weighted sum as the home mixer applies them
     * (OONScorer, then AuthorDiversityScorer): out-of-network scores × {@link #X_OUT_OF_NETWORK};
     * then, walking candidates in score order, the j-th post of an author (j = 0, 1, ...) × ((1 −
     * floor)·decay<sup>j</sup> + floor). Each factor enters the breakdown as an adjustment (score ×
     * (factor − 1)), so audits show it. Other presets: nothing.
     */
    public void adjust(List<Candidate> candidates, ScoreBreakdown scores) {
        if (!name.equals(X_2026) || !scores.weighted()) {
            return;
        }
        int n = candidates.size();
        double[] oon = new double[n];
        for (int i = 0; i < n; i++) {
            if (!candidates.get(i).inNetwork()) {
                oon[i] = scores.total(i) * (X_OUT_OF_NETWORK - 1.0);
            }
        }
        scores.adjust("out-of-network", oon);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int c = Double.compare(scores.total(b), scores.total(a));
                    // Ties: the higher post id first, as the feed orders them.
                    return c != 0
                            ? c
                            : Long.compare(
                                    candidates.get(b).stats().post().postId(),
                                    candidates.get(a).stats().post().postId());
                });
        Map<Integer, Integer> seen = new HashMap<>();
        double[] diversity = new double[n];
        for (int i : order) {
            int author = candidates.get(i).stats().post().authorId();
            int j = seen.merge(author, 1, Integer::sum) - 1;
            double factor = (1.0 - X_AUTHOR_FLOOR) * Math.pow(X_AUTHOR_DECAY, j) + X_AUTHOR_FLOOR;
            diversity[i] = scores.total(i) * (factor - 1.0);
        }
        scores.adjust("author-diversity", diversity);
    }

    private static void reactions(Map<String, Double> w, double angry) {
        w.put(Action.LIKE.key(), 1.0);
        w.put(Action.ANGRY.key(), angry);
        w.put(Action.RESHARE.key(), 5.0);
        w.put(Action.COMMENT.key(), 15.0);
    }

    /** The same objective with its weights replaced (used by weight-cap policies). */
    public Objective withWeights(Map<String, Double> newWeights, Map<String, Double> newFallback) {
        return new Objective(name, kind, newWeights, newFallback, terms);
    }

    /** Whether the weights can be used as they are with a model of these heads. */
    public boolean usesFallback(List<String> heads) {
        if (fallback.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() != 0.0 && !heads.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The weight of each head of a model with these heads, in head order: the fallback weights when
     * the model lacks a head the preset needs (time-spent before a dwell head exists).
     */
    public double[] headWeights(List<String> heads) {
        Map<String, Double> w = usesFallback(heads) ? fallback : weights;
        double[] out = new double[heads.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = w.getOrDefault(heads.get(k), 0.0);
        }
        return out;
    }

    /**
     * Scores every candidate of one request: the objective's formula, written once. A weighted
     * objective with a model adds, in this order, Σ_k w_k·p_k over the model's heads, −(penalty +
     * λ)·outrage (outrage: the post's classifier score, or the angry head when the terms say so)
     * and bonus·|stance − leaning|/2; without a model it explores at random. Model-free objectives
     * score each candidate by the value their order sorts by.
     *
     * @param candidates the retrieved candidates
     * @param predictions per candidate, the model's probability per head (empty rows without one)
     * @param heads the model's head names, or null when there is no model
     * @param leaning the platform's estimate of the reader's leaning
     * @param signals the tick's objective state (λ, bridging intercepts)
     * @param draws the random stream of a purpose ("explore", "random-order") for this request
     */
    public ScoreBreakdown score(
            List<Candidate> candidates,
            double[][] predictions,
            List<String> heads,
            double leaning,
            PlatformSignals signals,
            Function<String, SplittableRandom> draws) {
        int n = candidates.size();
        double[] values = new double[n];
        switch (kind) {
            case WEIGHTED -> {
                if (heads == null) {
                    // No model yet: explore at random so the first window holds unshaped logs.
                    return random(draws.apply("explore"), EXPLORE, n);
                }
                double[] w = headWeights(heads);
                int angry = heads.indexOf(Head.ANGRY.key());
                double outrageWeight = terms.outragePenalty() + signals.outrageMultiplier;
                double[] outrage = outrageWeight != 0.0 ? new double[n] : null;
                double[] diversity = terms.diversityBonus() != 0.0 ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    double[] p = predictions[i];
                    double s = 0.0;
                    for (int k = 0; k < Math.min(w.length, p.length); k++) {
                        s += w[k] * p[k];
                    }
                    Post post = candidates.get(i).stats().post();
                    if (outrage != null) {
                        outrage[i] =
                                ObjectiveTerms.ANGRY.equals(terms.outrageSource()) && angry >= 0
                                        ? p[angry]
                                        : post.outrageScore();
                        s -= outrageWeight * outrage[i];
                    }
                    if (diversity != null) {
                        diversity[i] =
                                terms.diversityBonus() * Math.abs(post.stance() - leaning) / 2.0;
                        s += diversity[i];
                    }
                    values[i] = s;
                }
                return ScoreBreakdown.weighted(
                        heads,
                        w,
                        predictions,
                        terms.outragePenalty(),
                        signals.outrageMultiplier,
                        outrage,
                        diversity,
                        values);
            }
            case CHRONOLOGICAL -> {
                for (int i = 0; i < n; i++) {
                    values[i] = candidates.get(i).stats().post().tick();
                }
            }
            case RANDOM -> {
                return random(draws.apply("random-order"), name, n);
            }
            case POPULARITY -> {
                for (int i = 0; i < n; i++) {
                    values[i] = candidates.get(i).stats().engagements();
                }
            }
            case BRIDGING -> {
                for (int i = 0; i < n; i++) {
                    values[i] = signals.intercept(candidates.get(i).stats().post().postId());
                }
            }
        }
        return ScoreBreakdown.ordered(name, values);
    }

    /** Name of the order a weighted objective uses before its first model. */
    public static final String EXPLORE = "explore";

    private static ScoreBreakdown random(SplittableRandom rng, String order, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = rng.nextDouble();
        }
        return ScoreBreakdown.ordered(order, values);
    }
}

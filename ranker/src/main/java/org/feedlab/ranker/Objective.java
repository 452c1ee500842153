package org.feedlab.ranker;

import java.util.Locale;
import org.feedlab.events.Action;

/**
 * What the feed optimises: a weighted sum of predicted action probabilities, or an ordering that
 * uses no model at all.
 *
 * <p>The engagement preset maps the Twitter/X heavy-ranker weights published on 5 April 2023
 * (the-algorithm-ml, projects/home/recap) onto our heads: good_click 11 → click, fav 0.5 → like,
 * retweet 1.0 → reshare, reply 13.5 → comment, negative_feedback_v2 −74 → hide.
 *
 * @param name preset name as written in scenario files
 * @param kind how items are ordered
 * @param weights weight per {@link Action}, used when kind is WEIGHTED
 */
public record Objective(String name, Kind kind, double[] weights) {

    /** How an objective orders candidates. */
    public enum Kind {
        /** Σ weight_k · p_k over the model's heads. */
        WEIGHTED,
        /** Newest first, in-network only. */
        CHRONOLOGICAL,
        /** A uniformly random order, drawn per (user, tick). */
        RANDOM
    }

    /**
     * Twitter/X 2023 weights mapped onto click, like, reshare, comment, hide (Twitter has no angry
     * reaction: weight 0).
     */
    public static final Objective ENGAGEMENT =
            new Objective(
                    "engagement", Kind.WEIGHTED, new double[] {11.0, 0.5, 1.0, 13.5, -74.0, 0.0});

    public static final Objective CHRONOLOGICAL =
            new Objective("chronological", Kind.CHRONOLOGICAL, new double[0]);

    public static final Objective RANDOM = new Objective("random", Kind.RANDOM, new double[0]);

    /** The preset with this name. */
    public static Objective named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "engagement" -> ENGAGEMENT;
            case "chronological" -> CHRONOLOGICAL;
            case "random" -> RANDOM;
            default -> throw new IllegalArgumentException("unknown objective: " + name);
        };
    }

    /** The objective's score of one item from its predicted probabilities. */
    public double score(double[] predictions) {
        double s = 0.0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * predictions[k];
        }
        return s;
    }
}

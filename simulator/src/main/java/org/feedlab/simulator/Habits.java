package org.feedlab.simulator;

import org.feedlab.simulator.metrics.Stats;

/**
 * What users say they value and whether they come back: stated worth, surveys, satisfaction, the
 * engagement habit and the daily opening probability. Each method is one equation of docs/MODEL.md
 * ("Coming back").
 */
public final class Habits {
    private Habits() {}

    /**
     * What the user would say the item was worth, in [0, 1] (Milli et al. 2025 ask "do you want to
     * see tweets like this?" and contrast the answer with engagement): W = ω σ(T) + (1 − ω) (w_q q
     * + w_c (1 − h) + w_v 1[topic new in this session]), with T the reader's taste for the item
     * ({@link Behaviour#taste}, which the caller has for the item's interest) and ω = {@code
     * statedPreferences.taste} the share of wanting an item that is liking it; the rest is what the
     * reader values on reflection.
     */
    public static double worth(
            User u,
            Content c,
            boolean novelTopic,
            double taste,
            SocietyConfig.StatedPreferences cfg) {
        double reflective =
                u.statedQuality * c.quality()
                        + u.statedCalm * (1.0 - c.hostility())
                        + u.statedVariety * (novelTopic ? 1.0 : 0.0);
        return cfg.taste() * Behaviour.sigmoid(taste) + (1.0 - cfg.taste()) * reflective;
    }

    /** Probability of answering "yes, worth my time": logistic in worth around 0.5. */
    public static double surveyYesProbability(double worth) {
        return Behaviour.sigmoid(10.0 * (worth - 0.5));
    }

    /**
     * Satisfaction of a session in [0, 1] from stated preferences: w_q · mean quality + w_c · (1 −
     * mean hostility) + w_v · normalised entropy of the topics read. An empty session gives 0.
     */
    public static double satisfaction(
            User u, int items, double qualitySum, double hostilitySum, double[] topicCounts) {
        if (items == 0) {
            return 0.0;
        }
        double variety =
                topicCounts.length < 2
                        ? 0.0
                        : Stats.entropy(topicCounts) / Math.log(topicCounts.length);
        return u.statedQuality * qualitySum / items
                + u.statedCalm * (1.0 - hostilitySum / items)
                + u.statedVariety * variety;
    }

    /**
     * A moving average after one more day: m ← m + ζ (v − m), ζ = {@code satisfactionMemory}. Both
     * the satisfaction and the habit remember recent days this way.
     */
    public static double remembered(double average, double latest, SocietyConfig cfg) {
        return average + cfg.retention().satisfactionMemory() * (latest - average);
    }

    /**
     * Probability of opening the app on a day: p = clamp(a_i max(0, 1 + κ_r (S̄ − S_ref) + κ_h (H −
     * H_ref)), 0, 1), the user's activity moved by recent satisfaction and by the habit of engaging
     * (the reward of recent days), 0 after churn. A feed can keep users coming back while they like
     * it less (Allcott, Gentzkow and Song 2022; Guess et al. 2023: a chronological feed cut time on
     * the platform).
     */
    public static double returnProbability(User u, SocietyConfig cfg) {
        if (u.churned) {
            return 0.0;
        }
        SocietyConfig.Retention r = cfg.retention();
        double factor =
                1.0
                        + r.returnSensitivity() * (u.satisfaction - r.satisfactionReference())
                        + r.habitWeight() * (u.habit - r.habitReference());
        return Math.max(0.0, Math.min(1.0, u.activity * Math.max(0.0, factor)));
    }
}

package org.feedlab.ranker.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.feedlab.events.Head;
import org.feedlab.ranker.Objective;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.model.Heads;

/**
 * The plain-language statement of a recommender's main parameters that DSA Art. 27 asks platforms
 * to publish, generated from the scenario's ranker configuration so it can never drift from what
 * the run did.
 */
public final class MainParameters {
    /** File name of the statement in a run directory. */
    public static final String FILE = "main-parameters.md";

    private MainParameters() {}

    /** Whether the configuration asks for the statement in the run directory. */
    public static boolean requested(RankerConfig config) {
        return config.policies().stream().anyMatch(Transparency.class::isInstance);
    }

    /** The statement for a scenario's ranker. */
    public static String statement(String scenarioName, RankerConfig config) {
        Objective objective = config.objectiveInForce();
        StringBuilder s = new StringBuilder();
        s.append("# How feeds are ranked in ").append(scenarioName).append("\n\n");
        s.append("## What the feed optimises\n\n")
                .append(objectiveSentence(objective))
                .append("\n\n");
        s.append("## What the ranker knows about you\n\n")
                .append(
                        "Which accounts you follow; what you were shown and what you did with it"
                                + " (clicks, likes, reshares, comments, hides, angry reactions,"
                                + " time on screen, survey answers); the topic, stance and a"
                                + " classifier's outrage score of each post; how many people"
                                + " engaged with it. The model is retrained every ")
                .append(config.training().retrainEvery())
                .append(" ticks on the last ")
                .append(config.training().windowTicks())
                .append(" ticks of logs.\n\n");
        s.append("## Where posts come from\n\n")
                .append(
                        String.format(
                                Locale.ROOT,
                                "Up to %d recent posts of accounts you follow and up to %d popular"
                                        + " posts from elsewhere, at most %d ticks old, that you"
                                        + " have not seen yet.",
                                config.retrieval().inNetworkCandidates(),
                                config.retrieval().popularCandidates(),
                                config.retrieval().maxAgeTicks()))
                .append("\n\n");
        List<FeedPolicy> policies = config.policies();
        s.append("## Policies in force\n\n");
        if (policies.isEmpty()) {
            s.append("None.\n");
        }
        for (FeedPolicy p : policies) {
            s.append("- ").append(p.describe()).append('\n');
        }
        s.append(
                "\nPer-item explanations of a served feed: `feedlab explain RUN_DIR --user U"
                        + " --tick T`.\n");
        return s.toString();
    }

    /** One paragraph saying how the objective orders the feed. */
    public static String objectiveSentence(Objective o) {
        switch (o.kind()) {
            case CHRONOLOGICAL:
                return "Posts of the accounts you follow, newest first; no model is used.";
            case RANDOM:
                return "Posts in a random order; no model is used.";
            case POPULARITY:
                return "Posts that the most people engaged with first, the same order for everyone.";
            case BRIDGING:
                return "Posts approved by people on both sides of the political divide first: a"
                        + " matrix factorisation of survey answers and hides separates approval"
                        + " explained by viewpoint from approval across viewpoints"
                        + " (Community-Notes-style bridging).";
            default:
                break;
        }
        StringBuilder s =
                new StringBuilder("Each post is scored by the predicted chances that you will ");
        Map<String, Double> w = o.usesFallback(Heads.names()) ? o.fallback() : o.weights();
        boolean first = true;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            if (e.getValue() == 0.0) {
                continue;
            }
            s.append(first ? "" : ", ")
                    .append(verb(e.getKey()))
                    .append(String.format(Locale.ROOT, " (weight %s)", trim(e.getValue())));
            first = false;
        }
        s.append(", added up (objective ").append(o.name()).append(").");
        if (o.terms().outragePenalty() > 0) {
            s.append(" Outrage lowers a post's score (penalty ")
                    .append(trim(o.terms().outragePenalty()))
                    .append(").");
        }
        if (o.terms().diversityBonus() > 0) {
            s.append(" Posts far from your estimated leaning get a bonus (")
                    .append(trim(o.terms().diversityBonus()))
                    .append(").");
        }
        if (o.terms().capped()) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            " The platform keeps the share of outrageous posts it serves near or"
                                    + " below %.0f %% by penalising outrage more when it served"
                                    + " too much the tick before.",
                            100 * o.terms().outrageCap()));
        }
        return s.toString();
    }

    private static String verb(String head) {
        return switch (Head.valueOf(head.toUpperCase(Locale.ROOT))) {
            case CLICK -> "open it";
            case LIKE -> "like it";
            case RESHARE -> "reshare it";
            case COMMENT -> "comment on it";
            case HIDE -> "hide it";
            case ANGRY -> "react angrily";
            case DWELL -> "spend time on it";
            case SURVEY -> "say it was worth your time";
            case CONTINUATION -> "keep scrolling after it";
            case RETURN -> "come back the next day";
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.ranker.Objective;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.RetrievalConfig;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.junit.jupiter.api.Test;

/** The DSA Art. 27 statement, word for word, as generated from a ranker configuration. */
class MainParametersTest {

    private static ObjectiveTerms terms(
            Map<String, Double> weights, double penalty, double bonus, double cap) {
        return new ObjectiveTerms(weights, penalty, ObjectiveTerms.CLASSIFIER, bonus, cap, 20.0);
    }

    @Test
    void modelFreeOrdersSayTheirOrder() {
        assertEquals(
                "Posts of the accounts you follow, newest first; no model is used.",
                MainParameters.objectiveSentence(Objective.named("chronological")));
        assertEquals(
                "Posts in a random order; no model is used.",
                MainParameters.objectiveSentence(Objective.named("random")));
        assertEquals(
                "Posts that the most people engaged with first, the same order for everyone.",
                MainParameters.objectiveSentence(Objective.named("popularity")));
        assertEquals(
                "Posts approved by people on both sides of the political divide first: a matrix"
                        + " factorisation of survey answers and hides separates approval explained"
                        + " by viewpoint from approval across viewpoints (Community-Notes-style"
                        + " bridging).",
                MainParameters.objectiveSentence(Objective.named("bridging")));
    }

    @Test
    void weightedObjectivesListEveryWeightedHeadAndTheirTerms() {
        assertEquals(
                "Each post is scored by the predicted chances that you will open it (weight 11),"
                        + " like it (weight 0.5), reshare it (weight 1), comment on it (weight"
                        + " 13.5), hide it (weight -74), added up (objective engagement).",
                MainParameters.objectiveSentence(Objective.named("engagement")));
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("angry", 2.0);
        w.put("dwell", 0.25);
        w.put("survey", 3.0);
        w.put("continuation", 1.0);
        w.put("return", 4.0);
        assertEquals(
                "Each post is scored by the predicted chances that you will react angrily (weight"
                        + " 2), spend time on it (weight 0.25), say it was worth your time (weight"
                        + " 3), keep scrolling after it (weight 1), come back the next day (weight"
                        + " 4), added up (objective custom). Outrage lowers a post's score"
                        + " (penalty 0.5). Posts far from your estimated leaning get a bonus (2)."
                        + " The platform keeps the share of outrageous posts it serves near or"
                        + " below 15 % by penalising outrage more when it served too much the tick"
                        + " before.",
                MainParameters.objectiveSentence(Objective.of("custom", terms(w, 0.5, 2.0, 0.15))));
    }

    @Test
    void presetsWithAFallbackAreStatedByTheirOwnHeads() {
        // The ranker's model has every head, so time-spent's click fallback is never in force.
        assertEquals(
                "Each post is scored by the predicted chances that you will spend time on it"
                        + " (weight 1), added up (objective time-spent).",
                MainParameters.objectiveSentence(Objective.named("time-spent")));
    }

    @Test
    void theStatementNamesObjectiveDataRetrievalAndPolicies() {
        RankerConfig config =
                RankerConfig.DEFAULTS
                        .withObjective(ObjectiveConfig.named("chronological"))
                        .withRetrieval(new RetrievalConfig(40, 20, 5))
                        .withPolicies(
                                List.of(
                                        new ReshareFriction(0.0),
                                        new Transparency(MainParameters.FILE)));
        String expected =
                "# How feeds are ranked in demo\n\n"
                        + "## What the feed optimises\n\n"
                        + "Posts of the accounts you follow, newest first; no model is used.\n\n"
                        + "## What the ranker knows about you\n\n"
                        + "Which accounts you follow; what you were shown and what you did with it"
                        + " (clicks, likes, reshares, comments, hides, angry reactions, time on"
                        + " screen, survey answers); the topic, stance and a classifier's outrage"
                        + " score of each post; how many people engaged with it. The model is"
                        + " retrained every 2 ticks on the last 8 ticks of logs.\n\n"
                        + "## Where posts come from\n\n"
                        + "Up to 40 recent posts of accounts you follow and up to 20 popular posts"
                        + " from elsewhere, at most 5 ticks old, that you have not seen yet.\n\n"
                        + "## Policies in force\n\n"
                        + "- Before resharing any post, people are asked to pause and confirm.\n"
                        + "- This statement is published with the run (main-parameters.md).\n"
                        + "\nPer-item explanations of a served feed: `feedlab explain RUN_DIR"
                        + " --user U --tick T`.\n";
        assertEquals(expected, MainParameters.statement("demo", config));
        String none = MainParameters.statement("demo", config.withPolicies(List.of()));
        assertEquals(
                "## Policies in force\n\nNone.\n\nPer-item",
                none.substring(none.indexOf("## Policies"), none.indexOf("Per-item") + 8));
    }
}

package org.feedlab.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks the objective presets: the published engagement weights and their consequences. */
class ObjectiveTest {
    private static final double EPS = 1e-12;

    /** Predictions in Action order: click, like, reshare, comment, hide, angry (0 here). */
    private static double[] p(
            double click, double like, double reshare, double comment, double hide) {
        return new double[] {click, like, reshare, comment, hide, 0.0};
    }

    @Test
    void engagementUsesTheTwitter2023WeightsOnOurHeads() {
        assertArrayEquals(
                new double[] {11.0, 0.5, 1.0, 13.5, -74.0, 0.0}, Objective.ENGAGEMENT.weights());
        assertEquals(Objective.Kind.WEIGHTED, Objective.ENGAGEMENT.kind());
        assertEquals(
                11 * 0.1 + 0.5 * 0.2 + 1.0 * 0.05 + 13.5 * 0.3 - 74 * 0.01,
                Objective.ENGAGEMENT.score(p(0.1, 0.2, 0.05, 0.3, 0.01)),
                EPS);
    }

    @Test
    void aLikelyReplyOutranksALikelyLike() {
        double replyBait = Objective.ENGAGEMENT.score(p(0.1, 0.2, 0.05, 0.3, 0.01));
        double likeable = Objective.ENGAGEMENT.score(p(0.1, 0.9, 0.05, 0.05, 0.01));
        assertTrue(replyBait > likeable, replyBait + " vs " + likeable);
    }

    @Test
    void aLikelyHideSinksAnOtherwiseEngagingItem() {
        double engagingButHidden = Objective.ENGAGEMENT.score(p(0.9, 0.9, 0.9, 0.9, 0.5));
        double dull = Objective.ENGAGEMENT.score(p(0.05, 0.05, 0.01, 0.01, 0.0));
        assertTrue(engagingButHidden < 0, "score " + engagingButHidden);
        assertTrue(engagingButHidden < dull);
    }

    @Test
    void namedFindsPresetsIgnoringCase() {
        assertSame(Objective.ENGAGEMENT, Objective.named("engagement"));
        assertSame(Objective.ENGAGEMENT, Objective.named("Engagement"));
        assertSame(Objective.CHRONOLOGICAL, Objective.named("CHRONOLOGICAL"));
        assertSame(Objective.RANDOM, Objective.named("random"));
    }

    @Test
    void namedRejectsUnknownNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Objective.named("outrage-max"));
        assertTrue(e.getMessage().contains("outrage-max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Objective.named(""));
    }
}

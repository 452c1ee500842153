package org.feedlab.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.junit.jupiter.api.Test;

/** Every weighted preset orders items by its published (or declared) weights. */
class ObjectiveTest {
    private static final List<String> HEADS = Heads.names();

    /** Predictions over click, like, reshare, comment, hide, angry, dwell, survey. */
    private static double[] p(double... values) {
        double[] out = new double[HEADS.size()];
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    private static double score(Objective o, double[] predictions) {
        double[] w = o.headWeights(HEADS);
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            s += w[k] * predictions[k];
        }
        return s;
    }

    @Test
    void twitterPresetUsesThePublishedWeightsAndEngagementIsItsAlias() {
        Objective t = Objective.named("engagement-twitter-2023");
        assertArrayEquals(
                new double[] {11.0, 0.5, 1.0, 13.5, -74.0, 0.0, 0.0, 0.0}, t.headWeights(HEADS));
        assertArrayEquals(t.headWeights(HEADS), Objective.named("engagement").headWeights(HEADS));
        assertEquals("engagement", Objective.ENGAGEMENT.name());
    }

    @Test
    void underTwitterAReplyOutranksALike() {
        Objective t = Objective.named("engagement-twitter-2023");
        double replyBait = score(t, p(0.1, 0.2, 0.05, 0.3, 0.01));
        double likeable = score(t, p(0.1, 0.9, 0.05, 0.05, 0.01));
        assertTrue(replyBait > likeable, replyBait + " vs " + likeable);
    }

    @Test
    void underTwitterAHideOutweighsEngagement() {
        Objective t = Objective.named("engagement-twitter-2023");
        assertTrue(score(t, p(0.9, 0.9, 0.9, 0.9, 0.5)) < score(t, p(0.05, 0.05, 0.01, 0.01, 0.0)));
    }

    @Test
    void reactions2017WeighAngerAtFiveLikes() {
        Objective r = Objective.named("reactions-5x-anger");
        double angry = score(r, p(0, 0, 0, 0, 0, 0.2));
        double liked = score(r, p(0, 0.9, 0, 0, 0, 0));
        assertTrue(angry > liked, angry + " vs " + liked);
        assertEquals(5.0, r.weights().get("angry"));
        assertEquals(15.0, r.weights().get("comment"));
        assertEquals(5.0, r.weights().get("reshare"));
    }

    @Test
    void reactions2020GiveAngerNoWeight() {
        Objective r = Objective.named("reactions-2020");
        assertTrue(score(r, p(0, 0, 0, 0, 0, 0.2)) < score(r, p(0, 0.9, 0, 0, 0, 0)));
        assertEquals(0.0, score(r, p(0, 0, 0, 0, 0, 1.0)));
    }

    @Test
    void timeSpentRanksByDwellAndFallsBackToClickWithoutADwellHead() {
        Objective t = Objective.named("time-spent");
        assertTrue(score(t, p(0.1, 0, 0, 0, 0, 0, 0.8)) > score(t, p(0.9, 0, 0, 0, 0, 0, 0.1)));
        List<String> noDwell = Objective.actionHeads();
        assertTrue(t.usesFallback(noDwell));
        assertFalse(t.usesFallback(HEADS));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0}, t.headWeights(noDwell));
    }

    @Test
    void statedPreferenceRanksByTheSurveyHead() {
        Objective s = Objective.named("stated-preference");
        double worthIt = score(s, p(0.1, 0.1, 0, 0, 0, 0, 0, 0.9));
        double clicky = score(s, p(0.9, 0.9, 0.9, 0.9, 0, 0.9, 0.9, 0.2));
        assertTrue(worthIt > clicky, worthIt + " vs " + clicky);
    }

    @Test
    void customWeightsOverrideThePreset() {
        Objective c =
                Objective.of(
                        "engagement-twitter-2023",
                        new ObjectiveTerms(Map.of("like", 100.0), 0, "classifier", 0, 0, 20));
        assertTrue(score(c, p(0, 0.9)) > score(c, p(0, 0, 0, 0.3)));
        Objective custom =
                Objective.of(
                        "custom", new ObjectiveTerms(Map.of("reshare", 1.0), 0, null, 0, 0, 20));
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 0, 0}, custom.headWeights(HEADS));
    }

    @Test
    void constrainedPresetHasADefaultCap() {
        Objective c = Objective.named("engagement-outrage-cap");
        assertTrue(c.terms().capped());
        assertEquals(Objective.DEFAULT_OUTRAGE_CAP, c.terms().outrageCap());
    }

    @Test
    void modelFreePresetsHaveTheirKinds() {
        assertEquals(Objective.Kind.CHRONOLOGICAL, Objective.named("Chronological").kind());
        assertEquals(Objective.Kind.RANDOM, Objective.named("random").kind());
        assertEquals(Objective.Kind.POPULARITY, Objective.named("popularity").kind());
        assertEquals(Objective.Kind.BRIDGING, Objective.named("bridging").kind());
    }

    @Test
    void unknownNamesAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Objective.named("outrage-max"));
        assertTrue(e.getMessage().contains("outrage-max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Objective.named(""));
    }
}

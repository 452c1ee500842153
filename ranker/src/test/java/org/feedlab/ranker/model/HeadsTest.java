package org.feedlab.ranker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.junit.jupiter.api.Test;

class HeadsTest {
    private static final Impression LIKED_ASKED_YES =
            Impression.of(7, 3, 11, 2, 0, 1, 1 << Action.LIKE.ordinal(), 12.0, 1, 0);

    @Test
    void theReturnHeadIsObservedOnTheSessionsLastImpressionOnly() {
        int middle = Heads.labels(LIKED_ASKED_YES, true, true);
        int last = Heads.labels(LIKED_ASKED_YES, false, true);
        int lastNoReturn = Heads.labels(LIKED_ASKED_YES, false, false);
        int like = 1 << Action.LIKE.ordinal();
        int own = like | 1 << Heads.DWELL | 1 << Heads.SURVEY | Heads.SURVEY_ASKED;
        // Every impression of the session carries the outcome; the last has no continuation.
        assertEquals(own | 1 << Heads.CONTINUATION | 1 << Heads.RETURN, middle);
        assertEquals(own | 1 << Heads.RETURN, last);
        assertEquals(own, lastNoReturn);
        assertFalse(Heads.observed(middle, Heads.RETURN));
        assertTrue(Heads.observed(last, Heads.RETURN));
        assertTrue(Heads.observed(lastNoReturn, Heads.RETURN));
    }

    @Test
    void onlyTheSurveyAndReturnHeadsCanBeUnobserved() {
        // Not asked, and the session went on after it.
        int continued = 1 << Heads.CONTINUATION;
        for (int h = 0; h < Heads.COUNT; h++) {
            boolean masked = h == Heads.SURVEY || h == Heads.RETURN;
            assertEquals(!masked, Heads.observed(continued, h), Heads.names().get(h));
            assertTrue(Heads.observed(Heads.SURVEY_ASKED, h), Heads.names().get(h));
        }
        assertFalse(Heads.observed(continued | Heads.SURVEY_ASKED, Heads.RETURN));
        assertFalse(Heads.observed(0, Heads.SURVEY));
    }

    @Test
    void markersAreLabelsOfTheirOwnWhenWanted() {
        int bits = 1 << Heads.RETURN | Heads.SURVEY_ASKED;
        assertEquals(
                java.util.Set.of("return", "return?", "survey?"),
                Datasets.labels(bits, Heads.names(), true).getNameSet());
        assertEquals(
                java.util.Set.of("return"),
                Datasets.labels(bits, Heads.names(), false).getNameSet());
    }
}

package org.feedlab.ranker.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.feedlab.events.FeedAudit.Term;
import org.feedlab.events.FeedAudit.TermKind;
import org.junit.jupiter.api.Test;

/** A score's terms, its policy adjustments and its total, on two candidates written by hand. */
class ScoreBreakdownTest {
    private static final double EPS = 1e-12;

    /**
     * Heads click (weight 2), like (0: left out of the terms), hide (−10). Candidate 0 predicts
     * 0.5, 0.9, 0.1 and has outrage 0.4 and diversity 0.3; candidate 1 predicts 0.2, 0.1, 0 and has
     * outrage 1 and diversity 0. Penalty 0.5 and λ 1.5: −(0.5 + 1.5) × outrage.
     */
    private static ScoreBreakdown weighted() {
        double[][] p = {{0.5, 0.9, 0.1}, {0.2, 0.1, 0.0}};
        // Candidate 0: 1 − 1 − 0.8 + 0.3 = −0.5; candidate 1: 0.4 − 2 = −1.6.
        return ScoreBreakdown.weighted(
                List.of("click", "like", "hide"),
                new double[] {2, 0, -10},
                p,
                0.5,
                1.5,
                new double[] {0.4, 1.0},
                new double[] {0.3, 0.0},
                new double[] {-0.5, -1.6});
    }

    @Test
    void weightedTermsListHeadsOutragePartsAndTheBonus() {
        ScoreBreakdown s = weighted();
        assertTrue(s.weighted());
        assertEquals(2, s.size());
        assertEquals(List.of("click", "like", "hide"), s.heads());
        assertEquals(-10.0, s.weight(2));
        assertArrayEquals(new double[] {0.2, 0.1, 0.0}, s.predictions(1));
        List<Term> terms = s.terms(0);
        assertTerms(
                List.of(
                        new Term(TermKind.HEAD, "click", 1.0),
                        new Term(TermKind.HEAD, "hide", -1.0),
                        new Term(TermKind.OUTRAGE_PENALTY, "outrage_penalty", -0.2),
                        new Term(TermKind.OUTRAGE_CAP, "outrage_cap", -0.6),
                        new Term(TermKind.DIVERSITY_BONUS, "diversity_bonus", 0.3)),
                terms);
        assertEquals(s.total(0), terms.stream().mapToDouble(Term::value).sum(), EPS);
        assertEquals(s.total(1), s.terms(1).stream().mapToDouble(Term::value).sum(), EPS);
    }

    @Test
    void adjustmentsAddToTheTotalAndAreListedAfterTheObjectivesTerms() {
        ScoreBreakdown s = weighted();
        s.adjust("outrage-demotion", new double[] {-0.25, -1.0});
        s.adjust("boost", new double[] {1.0, 0.5});
        assertEquals(-0.5 - 0.25 + 1.0, s.total(0), EPS);
        assertEquals(-1.6 - 1.0 + 0.5, s.total(1), EPS);
        assertEquals(0.75, s.adjusted(0), EPS);
        assertEquals(-0.5, s.adjusted(1), EPS);
        assertEquals(List.of("outrage-demotion", "boost"), s.adjustedBy());
        assertArrayEquals(new double[] {1.0, 0.5}, s.adjustment(1));
        List<Term> terms = s.terms(1);
        // click, hide, the two outrage parts and the bonus, then the policies.
        assertEquals(7, terms.size());
        assertTerms(
                List.of(
                        new Term(TermKind.POLICY, "outrage-demotion", -1.0),
                        new Term(TermKind.POLICY, "boost", 0.5)),
                terms.subList(5, 7));
        // The breakdown keeps its own copy of an adjustment.
        double[] amounts = {2.0, 2.0};
        s.adjust("copy", amounts);
        amounts[0] = 100;
        assertEquals(2.0, s.adjustment(2)[0]);
        assertEquals(2.25, s.total(0), EPS);
    }

    /** Same kinds and names in the same order, values equal up to rounding. */
    private static void assertTerms(List<Term> expected, List<Term> actual) {
        assertEquals(
                expected.stream().map(t -> t.kind() + " " + t.name()).toList(),
                actual.stream().map(t -> t.kind() + " " + t.name()).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).value(), actual.get(i).value(), EPS, actual.get(i).name());
        }
    }

    @Test
    void anAdjustmentMustCoverEveryCandidate() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> weighted().adjust("x", new double[] {1.0}));
        assertEquals("adjustment of 1 candidates, scored 2", e.getMessage());
    }

    @Test
    void outrageAndBonusTermsAppearOnlyWhenTheyWeigh() {
        // Penalty 0, λ 0.5: only the cap part is listed; no diversity array: no bonus term.
        ScoreBreakdown s =
                ScoreBreakdown.weighted(
                        List.of("click"),
                        new double[] {1},
                        new double[][] {{0.5}},
                        0.0,
                        0.5,
                        new double[] {0.8},
                        null,
                        new double[] {0.1});
        assertTerms(
                List.of(
                        new Term(TermKind.HEAD, "click", 0.5),
                        new Term(TermKind.OUTRAGE_CAP, "outrage_cap", -0.4)),
                s.terms(0));
        // A model with fewer heads than weights: only the heads it has.
        ScoreBreakdown shorter =
                ScoreBreakdown.weighted(
                        List.of("click", "like"),
                        new double[] {1, 3},
                        new double[][] {{0.5}},
                        0,
                        0,
                        null,
                        null,
                        new double[] {0.5});
        assertEquals(List.of(new Term(TermKind.HEAD, "click", 0.5)), shorter.terms(0));
    }

    @Test
    void aModelFreeOrderHasOneTermItsValue() {
        double[] values = {9, 4};
        ScoreBreakdown s = ScoreBreakdown.ordered("chronological", values);
        values[0] = 0;
        assertFalse(s.weighted());
        assertEquals(List.of(), s.heads());
        assertEquals(9.0, s.total(0));
        assertEquals(List.of(new Term(TermKind.ORDER, "chronological", 4.0)), s.terms(1));
        s.adjust("outrage-demotion", new double[] {-1, -2});
        assertEquals(
                List.of(
                        new Term(TermKind.ORDER, "chronological", 4.0),
                        new Term(TermKind.POLICY, "outrage-demotion", -2.0)),
                s.terms(1));
        assertEquals(2.0, s.total(1));
    }

    @Test
    void platformSignalsLookInterceptsUpByPost() {
        PlatformSignals s = new PlatformSignals();
        assertEquals(0.0, s.intercept(3));
        assertTrue(Double.isNaN(s.servedOutrageShare));
        s.bridgingPosts = new long[] {3, 8, 20};
        s.bridgingIntercepts = new double[] {0.1, -0.2, 0.7};
        assertEquals(-0.2, s.intercept(8));
        assertEquals(0.7, s.intercept(20));
        assertEquals(0.0, s.intercept(9));
    }

    @Test
    void objectiveTermsFillTheirDefaults() {
        ObjectiveTerms none = ObjectiveTerms.none();
        assertEquals(0.0, none.outragePenalty());
        assertEquals("classifier", none.outrageSource());
        assertEquals(0.0, none.diversityBonus());
        assertEquals(0.0, none.outrageCap());
        assertEquals(20.0, none.capStep());
        assertFalse(none.capped());
        ObjectiveTerms nulls = new ObjectiveTerms(null, 0, null, 0, 0.01, 1);
        assertEquals(List.of(), List.copyOf(nulls.weights().keySet()));
        assertEquals(ObjectiveTerms.CLASSIFIER, nulls.outrageSource());
        assertTrue(nulls.capped());
    }
}

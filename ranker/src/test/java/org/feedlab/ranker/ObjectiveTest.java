package org.feedlab.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.FeedAudit.Term;
import org.feedlab.events.FeedAudit.TermKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.objective.ScoreBreakdown;
import org.feedlab.ranker.policy.OutrageDemotion;
import org.feedlab.ranker.policy.RankingState;
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

    /** A post of the given stance and outrage-classifier score. */
    private static Candidate candidate(long id, long tick, double stance, double outrage) {
        return new Candidate(new PostStats(Post.of(id, 1, tick, 0, stance, outrage, -1)), true);
    }

    private static ScoreBreakdown score(
            Objective o, List<Candidate> candidates, double[][] predictions, double leaning) {
        PlatformSignals signals = new PlatformSignals();
        signals.outrageMultiplier = LAMBDA;
        return o.score(
                candidates,
                predictions,
                HEADS,
                leaning,
                signals,
                purpose -> Seeds.derive(7, 1, 2, purpose));
    }

    /** The score of one neutral post with these predictions. */
    private static double score(Objective o, double[] predictions) {
        return score(o, List.of(candidate(1, 0, 0.0, 0.0)), new double[][] {predictions}, 0.0)
                .total(0);
    }

    private static final double LAMBDA = 1.5;

    @Test
    void weightedScoreAddsEachTermOnceAndListsThemAll() {
        // click 2, hide −10; outrage penalty 3 and λ = 1.5 on the classifier score; bonus 4.
        Objective o =
                Objective.of(
                        "custom",
                        new ObjectiveTerms(
                                Map.of("click", 2.0, "hide", -10.0),
                                3.0,
                                "classifier",
                                4.0,
                                0.25,
                                20));
        List<Candidate> c = List.of(candidate(1, 5, -0.6, 0.8), candidate(2, 5, 0.4, 0.1));
        double[][] p = {p(0.5, 0, 0, 0, 0.1), p(0.2)};
        ScoreBreakdown s = score(o, c, p, 0.2);
        // 2·0.5 − 10·0.1 − (3 + 1.5)·0.8 + 4·|−0.6 − 0.2|/2 = 1 − 1 − 3.6 + 1.6
        assertEquals(-2.0, s.total(0), 1e-12);
        // 2·0.2 − (3 + 1.5)·0.1 + 4·|0.4 − 0.2|/2
        assertEquals(0.35, s.total(1), 1e-12);
        assertEquals(
                List.of(
                        term(TermKind.HEAD, "click", 1.0),
                        term(TermKind.HEAD, "hide", -1.0),
                        term(TermKind.OUTRAGE_PENALTY, "outrage_penalty", -2.4),
                        term(TermKind.OUTRAGE_CAP, "outrage_cap", -1.2),
                        term(TermKind.DIVERSITY_BONUS, "diversity_bonus", 1.6)),
                rounded(s.terms(0)));
        // A policy's adjustment is one more term, and the total follows it.
        RankingState state =
                new RankingState(
                        FeedRequest.of(1, 1, 5, new int[] {1}, 10), new UserProfile(2), null, 7);
        state.candidates = c;
        state.scores = s;
        new OutrageDemotion(1.0, "outrage").scores(state);
        // strength 1 × outrage × the candidates' score range (0.35 − (−2.0) = 2.35)
        assertEquals(-2.0 - 0.8 * 2.35, s.total(0), 1e-12);
        assertEquals(0.35 - 0.1 * 2.35, s.total(1), 1e-12);
        assertEquals(
                term(TermKind.POLICY, "outrage-demotion", -0.235),
                rounded(s.terms(1)).get(s.terms(1).size() - 1));
        for (int i = 0; i < 2; i++) {
            double sum = s.terms(i).stream().mapToDouble(Term::value).sum();
            assertEquals(s.total(i), sum, 1e-12);
        }
    }

    @Test
    void outrageFromTheAngryHeadWhenTheTermsSaySo() {
        Objective o = Objective.of("custom", new ObjectiveTerms(Map.of(), 2.0, "angry", 0, 0, 20));
        ScoreBreakdown s =
                score(
                        o,
                        List.of(candidate(1, 0, 0.0, 0.9)),
                        new double[][] {p(0, 0, 0, 0, 0, 0.3)},
                        0);
        // −(2 + λ)·p(angry): the classifier's 0.9 is not used.
        assertEquals(-(2.0 + LAMBDA) * 0.3, s.total(0), 1e-12);
    }

    @Test
    void modelFreeOrdersListTheValueTheySortBy() {
        List<Candidate> c = List.of(candidate(1, 4, 0.5, 0.5), candidate(2, 6, 0.5, 0.5));
        double[][] none = {new double[0], new double[0]};
        ScoreBreakdown chrono = score(Objective.CHRONOLOGICAL, c, none, 0);
        assertEquals(6.0, chrono.total(1));
        assertEquals(List.of(term(TermKind.ORDER, "chronological", 4.0)), chrono.terms(0));
        // A weighted objective without a model explores: a draw of its own purpose per request.
        ScoreBreakdown explore =
                Objective.ENGAGEMENT.score(
                        c,
                        none,
                        null,
                        0,
                        new PlatformSignals(),
                        purpose -> Seeds.derive(7, 1, 2, purpose));
        assertEquals(Seeds.derive(7, 1, 2, "explore").nextDouble(), explore.total(0));
        assertEquals(Objective.EXPLORE, explore.terms(0).get(0).name());
    }

    private static Term term(TermKind kind, String name, double value) {
        return new Term(kind, name, value);
    }

    /** Terms with values rounded to 1e-12, so they compare with decimal literals. */
    private static List<Term> rounded(List<Term> terms) {
        return terms.stream()
                .map(t -> new Term(t.kind(), t.name(), Math.round(t.value() * 1e12) / 1e12))
                .toList();
    }

    @Test
    void xPresetMapsTheHomeMixerWeightsOntoOurHeads() {
        // click 0.4 + open link 0.2; favorite 0.5; retweet 1 + quote 5; reply 5; not interested
        // −43.2 + mute −58.8; no angry, dwell, survey, continuation or return weight.
        assertArrayEquals(
                new double[] {0.6, 0.5, 6.0, 5.0, -102.0, 0.0, 0.0, 0.0, 0.0, 0.0},
                Objective.named("engagement-x-2026").headWeights(HEADS),
                1e-12);
    }

    /**
     * Out-of-network × 0.75 first, then the author-diversity factor (1 − 0.25)·0.5^j + 0.25 walking
     * the out-of-network-adjusted scores (ties: higher post id first). Weighted sums: like 0.5,
     * comment 5, so every value below is exact in binary.
     *
     * <pre>
     * post author net  Σ w·p        after OON          rank j  factor  total
     *  1    7     in   0.5·1   =0.5   0.5               0    1       0.5
     *  2    7     out  5·0.125 =0.625 0.625·0.75=0.46875 1    0.625   0.29296875
     *  3    7     in   0.5·0.5 =0.25  0.25              2    0.4375  0.109375
     *  4    9     out  0.5·0.75=0.375 0.28125           1    0.625   0.17578125
     *  5    9     in   0.5·0.5625     0.28125           0    1       0.28125
     * </pre>
     *
     * Walking the scores before the out-of-network factor would put post 2 first among author 7's;
     * breaking the tie of posts 4 and 5 the other way would give post 4 the full factor.
     */
    @Test
    void xPresetAppliesOutOfNetworkThenAuthorDiversityInScoreOrder() {
        List<Candidate> c =
                List.of(
                        post(1, 7, true),
                        post(2, 7, false),
                        post(3, 7, true),
                        post(4, 9, false),
                        post(5, 9, true));
        double[][] p = {
            p(0, 1.0), p(0, 0, 0, 0.125), p(0, 0.5), p(0, 0.75), p(0, 0.5625),
        };
        Objective x = Objective.named("engagement-x-2026");
        ScoreBreakdown s = score(x, c, p, 0.0);
        x.adjust(c, s);
        assertArrayEquals(
                new double[] {0.5, 0.29296875, 0.109375, 0.17578125, 0.28125},
                new double[] {s.total(0), s.total(1), s.total(2), s.total(3), s.total(4)},
                1e-15);
        assertEquals(List.of("out-of-network", "author-diversity"), s.adjustedBy());
        assertArrayEquals(new double[] {0, -0.15625, 0, -0.09375, 0}, s.adjustment(0), 1e-15);
        assertArrayEquals(
                new double[] {0, 0.46875 * -0.375, 0.25 * -0.5625, 0.28125 * -0.375, 0},
                s.adjustment(1),
                1e-15);
        // The audit lists both factors as terms that add up to the served score.
        List<Term> terms = s.terms(1);
        assertEquals(
                new Term(TermKind.POLICY, "out-of-network", -0.15625), terms.get(terms.size() - 2));
        assertEquals(
                new Term(TermKind.POLICY, "author-diversity", 0.46875 * -0.375),
                terms.get(terms.size() - 1));
        assertEquals(s.total(1), terms.stream().mapToDouble(Term::value).sum(), 1e-15);
        // Another preset with the same weights is left as it is.
        Objective custom =
                Objective.of(
                        "custom", new ObjectiveTerms(x.weights(), 0.0, "classifier", 0.0, 0.0, 20));
        ScoreBreakdown plain = score(custom, c, p, 0.0);
        custom.adjust(c, plain);
        assertEquals(0.625, plain.total(1), 1e-15);
        assertEquals(List.of(), plain.adjustedBy());
    }

    /** A neutral post by {@code author}, in or out of the user's network. */
    private static Candidate post(long id, int author, boolean inNetwork) {
        return new Candidate(new PostStats(Post.of(id, author, 0, 0, 0.0, 0.0, -1)), inNetwork);
    }

    @Test
    void twitterPresetUsesThePublishedWeightsAndEngagementIsItsAlias() {
        Objective t = Objective.named("engagement-twitter-2023");
        assertArrayEquals(
                new double[] {11.0, 0.5, 1.0, 13.5, -74.0, 0.0, 0.0, 0.0, 0.0, 0.0},
                t.headWeights(HEADS));
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
        List<String> noDwell = HEADS.subList(0, Action.values().length);
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
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, custom.headWeights(HEADS));
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

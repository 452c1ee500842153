package org.feedlab.ranker.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.junit.jupiter.api.Test;

/**
 * The objective state's numbers worked out by hand: the outrage-cap multiplier tick by tick, and
 * the bridging fit of a single rating, whose fixed point has a closed form.
 */
class ObjectiveStateValuesTest {
    private static final double EPS = 1e-9;

    /** Posts 1..4 with outrage 0.9, 0.6, 0.5 (on the threshold: not outrageous), 0.1. */
    private static final Map<Long, Post> POSTS = new HashMap<>();

    static {
        double[] outrage = {0.9, 0.6, 0.5, 0.1};
        for (int i = 0; i < outrage.length; i++) {
            POSTS.put(i + 1L, Post.of(i + 1L, 1, 1, 0, 0.0, outrage[i], -1));
        }
    }

    private static RankerConfig config(String objective, ObjectiveTerms terms, int window) {
        return RankerConfig.DEFAULTS
                .withObjective(new ObjectiveConfig(objective, terms))
                .withTraining(RankerConfig.DEFAULTS.training().withWindowTicks(window));
    }

    private static ObjectiveTerms cap(double cap, double step) {
        return new ObjectiveTerms(Map.of(), 0.0, ObjectiveTerms.CLASSIFIER, 0.0, cap, step);
    }

    /** One impression per post id (99: a post the platform no longer has). */
    private static List<Impression> served(long... postIds) {
        List<Impression> out = new ArrayList<>();
        for (long id : postIds) {
            out.add(Impression.of(1, 7, id, 1, 0, 0, 0));
        }
        return out;
    }

    private static Impression answered(int user, long post, int survey, Action action) {
        int actions = action == null ? 0 : Impression.with(0, action);
        return Impression.of(user, user, post, 1, 0, 0, actions, 0.0, survey, 0);
    }

    @Test
    void theCapMultiplierFollowsDualAscentTickByTick() {
        ObjectiveState state = new ObjectiveState(config("engagement", cap(0.25, 20), 8), 1);
        // Posts 1 and 2 of 1..4 are outrageous: share 1/2; λ = max(0, 0 + 20 × (0.5 − 0.25)) = 5.
        // The unknown post 99 is not counted.
        state.observe(served(1, 2, 3, 4, 99), POSTS::get);
        assertEquals(5.0, state.signals().outrageMultiplier, EPS);
        assertEquals(0.5, state.signals().servedOutrageShare, EPS);
        // 1 of 8: λ = 5 + 20 × (0.125 − 0.25) = 2.5.
        state.observe(served(1, 3, 3, 3, 4, 4, 4, 4), POSTS::get);
        assertEquals(2.5, state.signals().outrageMultiplier, EPS);
        assertEquals(0.125, state.signals().servedOutrageShare, EPS);
        // Exactly at the cap: λ stays.
        state.observe(served(2, 3, 4, 4), POSTS::get);
        assertEquals(2.5, state.signals().outrageMultiplier, EPS);
        // 0 of 2: 2.5 − 5 < 0, so λ = 0.
        state.observe(served(3, 4), POSTS::get);
        assertEquals(0.0, state.signals().outrageMultiplier, EPS);
        // A tick without impressions changes nothing and has no share.
        state.observe(served(1, 1), POSTS::get);
        state.observe(List.of(), POSTS::get);
        assertEquals(20.0 * 0.75, state.signals().outrageMultiplier, EPS);
        assertTrue(Double.isNaN(state.signals().servedOutrageShare));
    }

    @Test
    void withoutACapTheShareIsMeasuredButNoMultiplierGrows() {
        ObjectiveState state =
                new ObjectiveState(config("engagement", ObjectiveTerms.none(), 8), 1);
        state.observe(served(1, 2, 3), POSTS::get);
        assertEquals(0.0, state.signals().outrageMultiplier);
        assertEquals(2.0 / 3, state.signals().servedOutrageShare, EPS);
        assertEquals(0, state.signals().bridgingPosts.length);
    }

    /**
     * One rating r by one user of one post. At the fixed point μ = i_u = i_n = c by symmetry, c =
     * (r − P)/(3 + λ_i) with P = f_u f_n, and f_u² = f_n² = P with P = r − 3c − λ_f. For r = 1:
     * 3.15 P = 0.15 + 3 P − 3.15 × 0.03, so P = 0.0555 / 0.15 = 0.37 and c = 0.63 / 3.15 = 0.2.
     */
    @Test
    void aSingleApprovalFitsItsClosedForm() {
        BridgingFactorization f = new BridgingFactorization(3);
        List<BridgingFactorization.Rating> one = List.of(new BridgingFactorization.Rating(4, 9, 1));
        PlatformSignals s = new PlatformSignals();
        for (int fit = 0; fit < 40; fit++) {
            s = f.fit(one, new PlatformSignals());
        }
        assertArrayEquals(new long[] {9}, s.bridgingPosts);
        assertEquals(0.2, s.intercept(9), EPS);
        assertEquals(0.2, f.mu(), EPS);
        assertEquals(0.37, f.postFactor(9) * f.postFactor(9), EPS);
        assertEquals(0.0, f.postFactor(10));
    }

    /** Two users rate one post: the post's intercept is approval shared by both. */
    @Test
    void bridgingRatingsAreSurveyAnswersAndHidesAndAHideWins() {
        // A survey "yes" is the rating 1 of the closed form above.
        assertEquals(0.2, interceptAfter(answered(4, 1, 1, null)), EPS);
        // A hide is a 0, whatever the survey said, and a 0 alone fits to nothing.
        assertEquals(0.0, interceptAfter(answered(4, 1, 1, Action.HIDE)), EPS);
        assertEquals(0.0, interceptAfter(answered(4, 1, 0, null)), EPS);
        // A like is no rating: the post has no intercept.
        ObjectiveState liked = bridging(8);
        liked.observe(List.of(answered(4, 1, Impression.NO_SURVEY, Action.LIKE)), POSTS::get);
        assertEquals(0, liked.signals().bridgingPosts.length);
    }

    private static ObjectiveState bridging(int window) {
        return new ObjectiveState(config("bridging", ObjectiveTerms.none(), window), 3);
    }

    private static double interceptAfter(Impression log) {
        ObjectiveState state = bridging(8);
        state.observe(List.of(log), POSTS::get);
        PlatformSignals s = null;
        for (int fit = 0; fit < 40; fit++) {
            s = state.signals();
        }
        assertArrayEquals(new long[] {1}, s.bridgingPosts);
        return s.intercept(1);
    }

    @Test
    void theBridgingWindowKeepsTheLastTicksOfRatings() {
        ObjectiveState one = bridging(1);
        ObjectiveState two = bridging(2);
        for (long post = 1; post <= 3; post++) {
            List<Impression> tick = List.of(answered(4, post, 1, null));
            one.observe(tick, POSTS::get);
            two.observe(tick, POSTS::get);
        }
        assertArrayEquals(new long[] {3}, one.signals().bridgingPosts);
        assertArrayEquals(new long[] {2, 3}, two.signals().bridgingPosts);
    }

    @Test
    void aFitKeepsOnlyTheUsersAndPostsOfItsWindow() throws IOException {
        // Once user 4's rating of post 1 leaves the one-tick window, the state is that of a
        // platform that only ever saw user 5's rating of post 2.
        ObjectiveState moved = bridging(1);
        moved.observe(List.of(answered(4, 1, 1, null)), POSTS::get);
        moved.signals();
        moved.observe(List.of(answered(5, 2, 1, null)), POSTS::get);
        moved.signals();
        ObjectiveState fresh = bridging(1);
        fresh.observe(List.of(answered(5, 2, 1, null)), POSTS::get);
        fresh.signals();
        assertArrayEquals(bytes(fresh), bytes(moved));
    }

    @Test
    void aRestoredStateGoesOnWithTheSameNumbers() throws IOException {
        ObjectiveState a = bridging(2);
        a.observe(List.of(answered(4, 1, 1, null), answered(5, 2, 0, null)), POSTS::get);
        a.observe(List.of(answered(4, 2, 1, Action.HIDE), answered(6, 1, 1, null)), POSTS::get);
        a.signals();
        ObjectiveState b = bridging(2);
        b.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(a))));
        assertArrayEquals(bytes(a), bytes(b));
        PlatformSignals sa = a.signals();
        PlatformSignals sb = b.signals();
        assertArrayEquals(sa.bridgingPosts, sb.bridgingPosts);
        assertArrayEquals(sa.bridgingIntercepts, sb.bridgingIntercepts);
        assertEquals(sa.servedOutrageShare, sb.servedOutrageShare);

        ObjectiveState capped = new ObjectiveState(config("engagement", cap(0.25, 20), 8), 1);
        capped.observe(served(1, 2, 3, 4), POSTS::get);
        ObjectiveState restored = new ObjectiveState(config("engagement", cap(0.25, 20), 8), 1);
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(capped))));
        assertEquals(5.0, restored.signals().outrageMultiplier, EPS);
        assertEquals(0.5, restored.signals().servedOutrageShare, EPS);
    }

    @Test
    void aStateOfAnotherObjectiveIsRejected() throws IOException {
        byte[] plain = bytes(new ObjectiveState(config("engagement", ObjectiveTerms.none(), 8), 1));
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                bridging(8)
                                        .readFrom(
                                                new DataInputStream(
                                                        new ByteArrayInputStream(plain))));
        assertEquals(
                "corrupted objective state: bridging state absent for objective BRIDGING",
                e.getMessage());
        byte[] fitted = bytes(bridging(8));
        IOException f =
                assertThrows(
                        IOException.class,
                        () ->
                                new ObjectiveState(
                                                config("engagement", ObjectiveTerms.none(), 8), 1)
                                        .readFrom(
                                                new DataInputStream(
                                                        new ByteArrayInputStream(fitted))));
        assertEquals(
                "corrupted objective state: bridging state present for objective WEIGHTED",
                f.getMessage());
    }

    private static byte[] bytes(ObjectiveState state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.writeTo(new DataOutputStream(out));
        return out.toByteArray();
    }
}

package org.feedlab.ranker.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.junit.jupiter.api.Test;

/** The bridging factorisation and the outrage-cap multiplier, fitted from logs only. */
class ObjectiveStateTest {

    private static RankerConfig config(String objective, ObjectiveTerms terms) {
        return RankerConfig.DEFAULTS.withObjective(new ObjectiveConfig(objective, terms));
    }

    private static Impression log(int user, long post, Action action) {
        return Impression.of(
                user, user, post, 1, 0, 0, action == null ? 0 : Impression.with(0, action));
    }

    /** An impression whose reader answered the survey (1 worth it, 0 not). */
    private static Impression answered(int user, long post, int survey) {
        return Impression.of(user, user, post, 1, 0, 0, 0, 0.0, survey, 0);
    }

    /**
     * Users 0–19 are on side A, 20–39 on side B. Post 1 is worth it to both sides; post 2 is worth
     * it to A and hidden by B; post 3 worth it to B and not to A. Post 4 is liked by everyone but
     * never rated.
     */
    private static List<Impression> polarizedLogs() {
        List<Impression> logs = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            boolean a = u < 20;
            logs.add(answered(u, 1, 1));
            logs.add(a ? answered(u, 2, 1) : log(u, 2, Action.HIDE));
            logs.add(answered(u, 3, a ? 0 : 1));
            logs.add(log(u, 4, Action.LIKE));
        }
        return logs;
    }

    @Test
    void bridgingRanksThePostApprovedAcrossTheDivideFirst() {
        ObjectiveState state = new ObjectiveState(config("bridging", ObjectiveTerms.none()), 3);
        Map<Long, Post> posts = new HashMap<>();
        for (long id = 1; id <= 4; id++) {
            posts.put(id, Post.of(id, 1, 1, 0, 0.0, 0.1, -1));
        }
        state.observe(polarizedLogs(), posts::get);
        PlatformSignals s = state.signals();
        assertTrue(s.intercept(1) > s.intercept(2) + 0.1, s.intercept(1) + " vs " + s.intercept(2));
        assertTrue(s.intercept(1) > s.intercept(3) + 0.1, s.intercept(1) + " vs " + s.intercept(3));
        // Likes are not ratings: the post everyone liked was never rated.
        assertEquals(0.0, s.intercept(4));
        assertEquals(0.0, s.intercept(99));
    }

    @Test
    void bridgingFitIsDeterministicWhateverTheLogOrder() {
        List<Impression> logs = polarizedLogs();
        List<Impression> reversed = new ArrayList<>(logs);
        Collections.reverse(reversed);
        Map<Long, Post> posts = new HashMap<>();
        for (long id = 1; id <= 4; id++) {
            posts.put(id, Post.of(id, 1, 1, 0, 0.0, 0.1, -1));
        }
        ObjectiveState a = new ObjectiveState(config("bridging", ObjectiveTerms.none()), 3);
        ObjectiveState b = new ObjectiveState(config("bridging", ObjectiveTerms.none()), 3);
        a.observe(logs, posts::get);
        b.observe(reversed, posts::get);
        assertEquals(
                Arrays.toString(a.signals().bridgingIntercepts),
                Arrays.toString(b.signals().bridgingIntercepts));
    }

    @Test
    void outrageMultiplierRisesWhileServedOutrageExceedsTheCapAndFallsBack() {
        ObjectiveTerms cap = new ObjectiveTerms(Map.of(), 0, "classifier", 0, 0.25, 10);
        ObjectiveState state = new ObjectiveState(config("engagement", cap), 1);
        Map<Long, Post> posts = new HashMap<>();
        posts.put(1L, Post.of(1, 1, 1, 0, 0.0, 0.9, -1));
        posts.put(2L, Post.of(2, 1, 1, 0, 0.0, 0.1, -1));
        List<Impression> hot =
                List.of(log(1, 1, null), log(2, 1, null), log(3, 2, null), log(4, 2, null));
        state.observe(hot, posts::get); // served share 0.5 > 0.25
        double first = state.signals().outrageMultiplier;
        assertEquals(10 * (0.5 - 0.25), first, 1e-12);
        state.observe(hot, posts::get);
        double second = state.signals().outrageMultiplier;
        assertTrue(second > first);
        List<Impression> calm = List.of(log(1, 2, null), log(2, 2, null));
        for (int t = 0; t < 5; t++) {
            state.observe(calm, posts::get); // served share 0 < cap: λ decays to 0
        }
        assertEquals(0.0, state.signals().outrageMultiplier);
    }

    @Test
    void withoutACapTheMultiplierStaysZero() {
        ObjectiveState state = new ObjectiveState(config("engagement", ObjectiveTerms.none()), 1);
        Map<Long, Post> posts = Map.of(1L, Post.of(1, 1, 1, 0, 0.0, 0.9, -1));
        state.observe(List.of(log(1, 1, null)), posts::get);
        assertEquals(0.0, state.signals().outrageMultiplier);
        assertEquals(1.0, state.signals().servedOutrageShare);
    }
}

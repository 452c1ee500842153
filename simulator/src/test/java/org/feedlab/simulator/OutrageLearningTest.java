package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.junit.jupiter.api.Test;

/**
 * One day of {@link OutrageLearning} worked out by hand: the policy-gradient step with its
 * extremity-moderated rate, the norm pull, and what the learning ignores.
 */
class OutrageLearningTest {
    private static final double EPS = 1e-12;

    private static final SocietyConfig.Posting PARAMS =
            SocietyConfig.Posting.DEFAULTS
                    .withLearningRate(0.1)
                    .withExtremityModeration(0.5)
                    .withNormPull(0.0);

    private static Creator political(int id, double ideology, double propensity) {
        return new Creator(
                id,
                1,
                ideology,
                new double[0],
                Content.POLITICS,
                0.5,
                new double[8],
                3.0,
                false,
                propensity);
    }

    private static Creator nonPolitical(int id, double propensity) {
        return new Creator(
                id, 0, 0.0, new double[0], 2, 0.5, new double[8], 3.0, false, propensity);
    }

    /** Two users with ideologies 0.2 and 0.6 who follow creator 0: its audience's extremity 0.4. */
    private static User[] audience(int creators) {
        User a = Fixtures.user(0, 1, 0.2);
        User b = Fixtures.user(1, 1, 0.6);
        a.following = new int[] {0};
        b.following = new int[] {0, creators};
        return new User[] {a, b};
    }

    private static Exposure seen(Content c, Action... actions) {
        int bits = 0;
        for (Action a : actions) {
            bits = Impression.with(bits, a);
        }
        return new Exposure(0, c, false, bits, new double[0], 0.5, 5.0, false, 0);
    }

    @Test
    void feedbackOnHostilityAboveTheHabitRaisesThePropensity() {
        Creator[] creators = {political(0, 0.5, 0.3)};
        User[] users = audience(1);
        Content post = Fixtures.political(1, 0, 1, 0.5, 0.8, 0.5);
        Map<Long, Content> content = new HashMap<>(Map.of(1L, post));
        List<Exposure> exposures =
                List.of(
                        seen(post, Action.LIKE, Action.RESHARE, Action.COMMENT),
                        seen(post, Action.LIKE, Action.ANGRY),
                        seen(post, Action.CLICK),
                        seen(post, Action.HIDE));
        OutrageLearning.learn(PARAMS, creators, users, content, exposures, List.of(post));
        // E = 3 (likes and reshares; comments and angry reactions do not count), R = ln 4, b = 0;
        // η = 0.1 (1 − 0.5 × 0.4) = 0.08; π = 0.3 + 0.08 ln 4 (0.8 − 0.3)
        assertEquals(0.3 + 0.08 * Math.log(4) * 0.5, creators[0].outragePropensity(), EPS);
        assertEquals(0.1 * Math.log(4), creators[0].propensity.rewardBaseline, EPS);
    }

    @Test
    void anExtremeAudienceDampsTheLearningRate() {
        assertEquals(0.1, OutrageLearning.learningRate(PARAMS, 0.0), EPS);
        assertEquals(0.08, OutrageLearning.learningRate(PARAMS, 0.4), EPS);
        assertEquals(0.05, OutrageLearning.learningRate(PARAMS, 1.0), EPS);
        User[] users = audience(1);
        assertArrayEquals(
                new double[] {0.4, 0.6, 0.0}, OutrageLearning.followerExtremity(1, users), EPS);
    }

    @Test
    void usersLearnFromTheirOwnPoliticalPostsButNotFromResharesOrOtherTopics() {
        Creator[] creators = {political(0, 0.5, 0.3)};
        User[] users = audience(1);
        users[0].propensity.value = 0.1;
        Content own = Fixtures.political(1, 1, 1, 0.2, 0.9, 0.5);
        Content reshare = Fixtures.political(2, 0, 1, 0.5, 0.9, 0.5).reshare(3, 1, 0);
        Content hobby = Fixtures.nonPolitical(4, 0, 2, 0.5);
        Map<Long, Content> content = new HashMap<>(Map.of(1L, own, 3L, reshare, 4L, hobby));
        OutrageLearning.learn(
                PARAMS,
                creators,
                users,
                content,
                List.of(
                        seen(own, Action.LIKE),
                        seen(reshare, Action.LIKE),
                        seen(hobby, Action.LIKE)),
                List.of());
        // User 0 (account 1) has one follower, user 1 (|x| = 0.6): η = 0.1 × 0.7; R = ln 2.
        assertEquals(0.1 + 0.07 * Math.log(2) * (0.9 - 0.1), users[0].propensity.value, EPS);
        assertEquals(0.3, creators[0].outragePropensity(), EPS);
    }

    @Test
    void propensitiesArePulledTowardTheirNeighbourhoodsMean() {
        Creator[] creators = {political(0, 0.5, 0.3), nonPolitical(1, 0.9)};
        User a = Fixtures.user(0, 1, 0.2);
        User b = Fixtures.user(1, 1, 0.25);
        a.propensity.value = 0.1;
        b.propensity.value = 0.3;
        OutrageLearning.learn(
                PARAMS.withNormPull(0.5),
                creators,
                new User[] {a, b},
                Map.of(),
                List.of(),
                List.of());
        // Users 0.2 and 0.25 share the neighbourhood [0.2, 0.4): mean 0.2.
        assertEquals(0.15, a.propensity.value, EPS);
        assertEquals(0.25, b.propensity.value, EPS);
        // The creator is alone in [0.4, 0.6); a non-political creator has no neighbourhood.
        assertEquals(0.3, creators[0].outragePropensity(), EPS);
        assertEquals(0.9, creators[1].outragePropensity(), EPS);
    }
}

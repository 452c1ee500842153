package org.feedlab.simulator;

import static org.feedlab.simulator.Fixtures.sigmoid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stated worth, satisfaction and coming back ({@link Habits}), against values worked by hand. */
class HabitsTest {
    private static final double EPS = 1e-12;

    private static final SocietyConfig CONFIG =
            SocietyConfig.DEFAULTS.withRetention(
                    SocietyConfig.Retention.DEFAULTS
                            .withSatisfactionMemory(0.3)
                            .withReturnSensitivity(0.5)
                            .withSatisfactionReference(0.55)
                            .withHabitWeight(3.0)
                            .withHabitReference(0.06));

    private static User stating(double quality, double calm, double variety) {
        User u = Fixtures.user(0, 1, 0.3);
        u.statedQuality = quality;
        u.statedCalm = calm;
        u.statedVariety = variety;
        return u;
    }

    @Test
    void worthWeighsQualityCalmAndANewTopic() {
        SocietyConfig.StatedPreferences reflective = SocietyConfig.StatedPreferences.DEFAULTS;
        User u = stating(0.5, 0.3, 0.2);
        Content c = Fixtures.political(1, 0, 1, 0.5, 0.5, 0.6);
        // Without a taste term (the default) the reader's taste for the item does not count.
        assertEquals(0.5 * 0.6 + 0.3 * 0.5 + 0.2, Habits.worth(u, c, true, 2.0, reflective), EPS);
        assertEquals(0.5 * 0.6 + 0.3 * 0.5, Habits.worth(u, c, false, -2.0, reflective), EPS);
        assertEquals(sigmoid(10 * 0.15), Habits.surveyYesProbability(0.65), EPS);
    }

    @Test
    void worthIsPartlyTheReadersTasteForTheItem() {
        User u = stating(0.5, 0.3, 0.2);
        u.taste[0] = 0.8;
        u.taste[1] = -0.5;
        u.topicInterest[Content.POLITICS] = 0.4;
        // Style (1, 1): match 0.8 − 0.5 = 0.3; taste T = 1.0 × 0.3 + 1.5 × 0.4 = 0.9 (default
        // interest weights); reflective part 0.5 × 0.6 + 0.3 × 0.5 = 0.45 on a seen topic.
        double[] style = new double[u.taste.length];
        style[0] = 1.0;
        style[1] = 1.0;
        Content c = Fixtures.styled(Fixtures.political(1, 0, 1, 0.5, 0.5, 0.6), style);
        double taste = Behaviour.taste(u, c, SocietyConfig.Interest.DEFAULTS);
        assertEquals(0.9, taste, EPS);
        SocietyConfig.StatedPreferences even =
                SocietyConfig.StatedPreferences.DEFAULTS.withTaste(0.5);
        assertEquals(0.5 * sigmoid(0.9) + 0.5 * 0.45, Habits.worth(u, c, false, taste, even), EPS);
        SocietyConfig.StatedPreferences liking =
                SocietyConfig.StatedPreferences.DEFAULTS.withTaste(1.0);
        assertEquals(sigmoid(0.9), Habits.worth(u, c, true, taste, liking), EPS);
    }

    @Test
    void satisfactionIsStatedPreferencesOverTheSession() {
        User u = stating(0.5, 0.3, 0.2);
        double[] topics = new double[8];
        topics[1] = 2;
        topics[4] = 2;
        // 0.5 × 2.4/4 + 0.3 (1 − 0.8/4) + 0.2 ln 2 / ln 8
        assertEquals(
                0.5 * 0.6 + 0.3 * 0.8 + 0.2 * Math.log(2) / Math.log(8),
                Habits.satisfaction(u, 4, 2.4, 0.8, topics),
                EPS);
        assertEquals(0.0, Habits.satisfaction(u, 0, 0, 0, topics), EPS);
    }

    @Test
    void averagesRememberTheLatestDayWithTheMemoryWeight() {
        assertEquals(0.62, Habits.remembered(0.5, 0.9, CONFIG), EPS);
    }

    @Test
    void theOpeningProbabilityMovesWithSatisfactionAndHabit() {
        User u = Fixtures.user(0, 1, 0.3);
        u.activity = 0.8;
        u.satisfaction = 0.65;
        u.habit = 0.1;
        // 0.8 (1 + 0.5 × 0.1 + 3 × 0.04)
        assertEquals(0.8 * 1.17, Habits.returnProbability(u, CONFIG), EPS);
        u.habit = 1.0;
        assertEquals(1.0, Habits.returnProbability(u, CONFIG), EPS);
        u.habit = 0.0;
        u.satisfaction = -3.0;
        assertEquals(0.0, Habits.returnProbability(u, CONFIG), EPS);
        u.satisfaction = 0.65;
        u.churned = true;
        assertEquals(0.0, Habits.returnProbability(u, CONFIG), EPS);
    }
}

package org.feedlab.simulator;

import static org.feedlab.simulator.Fixtures.sigmoid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reading mechanics of {@link Scrolling}, each against a value worked out by hand. */
class ScrollingTest {
    private static final double EPS = 1e-12;

    private static final SocietyConfig CONFIG =
            SocietyConfig.DEFAULTS.withReading(
                    SocietyConfig.Reading.DEFAULTS
                            .withContinueBase(0.95)
                            .withInterestPull(0.1)
                            .withBoredom(0.01)
                            .withArousalPull(0.3)
                            .withAbsorption(0.5)
                            .withGlanceSeconds(8.0)
                            .withReadSeconds(30.0));

    @Test
    void sessionsPerDayAreOnePlusAPoissonWithTheUsersMean() {
        SplittableRandom r = new SplittableRandom(7);
        assertEquals(1, Scrolling.sessionsToday(1.0, r));
        int n = 40_000;
        long sum = 0;
        long ones = 0;
        for (int i = 0; i < n; i++) {
            int s = Scrolling.sessionsToday(4.5, r);
            sum += s;
            ones += s == 1 ? 1 : 0;
        }
        assertEquals(4.5, (double) sum / n, 0.03);
        // P(S = 1) = P(Poisson(3.5) = 0) = e^−3.5
        assertEquals(Math.exp(-3.5), (double) ones / n, 0.004);
    }

    @Test
    void aSessionBudgetIsLogNormalAroundTheUsersMedian() {
        assertEquals(240 * Math.exp(0.5), Scrolling.sessionBudget(240, 1.0), EPS);
        assertEquals(240.0, Scrolling.sessionBudget(240, 0.0), EPS);
    }

    @Test
    void pullIsInterestPlusSatiatedArousalCappedAtOne() {
        assertEquals(sigmoid(0.5) + 0.3 * 0.8, Scrolling.pull(0.5, 0.8, CONFIG), EPS);
        assertEquals(sigmoid(0.5) + 0.3, Scrolling.pull(0.5, 2.0, CONFIG), EPS);
        assertEquals(1.0, Scrolling.pull(4.0, 1.0, CONFIG), EPS);
    }

    @Test
    void boredomRemembersSevenTenthsAndAddsTheLackOfPull() {
        assertEquals(1.3, Scrolling.boredomAfter(1.0, 0.4), EPS);
        assertEquals(0.0, Scrolling.boredomAfter(0.0, 1.0), EPS);
    }

    @Test
    void continueProbabilityMovesWithPullAndBoredom() {
        // 0.95 + 0.1 (0.8 − 0.5) − 0.01 × 1.5
        assertEquals(0.965, Scrolling.continueProbability(0.8, 1.5, CONFIG), EPS);
        assertEquals(0.95 - 0.05 - 0.2, Scrolling.continueProbability(0.0, 20.0, CONFIG), EPS);
        assertEquals(0.0, Scrolling.continueProbability(0.0, 200.0, CONFIG), EPS);
    }

    @Test
    void dwellIsAGlanceGrowingWithPullPlusReadingAfterAClick() {
        double noiseFree = Math.exp(-0.045);
        assertEquals(
                (8 * 1.1 + 30 * 0.65) * noiseFree, Scrolling.dwell(0.6, true, 0.5, CONFIG, 0), EPS);
        assertEquals(8 * 1.1 * noiseFree, Scrolling.dwell(0.6, false, 0.5, CONFIG, 0), EPS);
        assertEquals(
                8 * 1.1 * Math.exp(0.3 - 0.045),
                Scrolling.dwell(0.6, false, 0.5, CONFIG, 1.0),
                EPS);
    }

    @Test
    void engagingItemsAreChargedOnlyTheUnabsorbedSeconds() {
        assertEquals(5.0, Scrolling.budgetCharge(10.0, true, CONFIG), EPS);
        assertEquals(10.0, Scrolling.budgetCharge(10.0, false, CONFIG), EPS);
    }
}

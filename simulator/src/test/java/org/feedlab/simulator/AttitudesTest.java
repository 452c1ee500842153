package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Anger, thermometers and opinions ({@link Attitudes}), each against a value worked out by hand.
 */
class AttitudesTest {
    private static final double EPS = 1e-12;

    private static final SocietyConfig CONFIG =
            SocietyConfig.DEFAULTS
                    .withAffect(
                            SocietyConfig.Affect.DEFAULTS
                                    .withAngerPerHostility(0.3)
                                    .withAngerCopartisan(0.3)
                                    .withAngerReject(1.5)
                                    .withAngerExitHazard(0.01))
                    .withThermometer(
                            SocietyConfig.Thermometer.DEFAULTS
                                    .withHostility(0.08)
                                    .withCalm(0.02)
                                    .withIngroup(0.03)
                                    .withDecay(0.18)
                                    .withBaselineDrift(0.005))
                    .withOpinion(
                            SocietyConfig.Opinion.DEFAULTS
                                    .withAssimilation(0.01)
                                    .withContrast(0.002)
                                    .withAnchorHalfLife(50));

    @Test
    void angerIsStrongestOnTheAttackedSideAndInRejection() {
        User left = Fixtures.user(0, -1, -0.4);
        left.susceptibility = 1.2;
        Content right = Fixtures.political(1, 0, 1, 0.5, 0.6, 0.5);
        Content own = Fixtures.political(2, 0, -1, -0.5, 0.6, 0.5);
        assertEquals(
                0.3 * 1.2 * 0.6 * 1.5,
                Attitudes.angerIncrement(left, right, Zone.REJECT, CONFIG),
                EPS);
        assertEquals(
                0.3 * 1.2 * 0.6,
                Attitudes.angerIncrement(left, right, Zone.NONCOMMITMENT, CONFIG),
                EPS);
        assertEquals(
                0.3 * 1.2 * 0.6 * 0.3,
                Attitudes.angerIncrement(left, own, Zone.ACCEPT, CONFIG),
                EPS);
        assertEquals(
                0.0,
                Attitudes.angerIncrement(
                        left, Fixtures.nonPolitical(3, 0, 2, 0.5), Zone.NONE, CONFIG),
                EPS);
    }

    @Test
    void theExitHazardStartsAboveTheThresholdAndIsCapped() {
        User u = Fixtures.user(0, 1, 0.3);
        u.angerThreshold = 3.0;
        u.anger = 2.0;
        assertEquals(0.0, Attitudes.exitProbability(u, CONFIG), EPS);
        u.anger = 6.0;
        assertEquals(0.01, Attitudes.exitProbability(u, CONFIG), EPS);
        u.anger = 1e6;
        assertEquals(1.0, Attitudes.exitProbability(u, CONFIG), EPS);
    }

    @Test
    void thermometerDosesFromHostilityOfEitherSideAndCalmOutPartyQuality() {
        User left = Fixtures.user(0, -1, -0.4);
        assertEquals(
                -0.08 * 0.8,
                Attitudes.thermometerDose(left, Fixtures.political(1, 0, 1, 0.5, 0.8, 0.6), CONFIG),
                EPS);
        assertEquals(
                -0.08 * 0.8,
                Attitudes.thermometerDose(
                        left, Fixtures.political(2, 0, -1, -0.5, 0.8, 0.6), CONFIG),
                EPS);
        assertEquals(
                -0.08 * 0.2 + 0.02 * 0.6,
                Attitudes.thermometerDose(left, Fixtures.political(3, 0, 1, 0.5, 0.2, 0.6), CONFIG),
                EPS);
        assertEquals(
                -0.08 * 0.2,
                Attitudes.thermometerDose(
                        left, Fixtures.political(4, 0, -1, -0.5, 0.2, 0.6), CONFIG),
                EPS);
        assertEquals(
                0.0,
                Attitudes.thermometerDose(left, Fixtures.nonPolitical(5, 0, 2, 0.9), CONFIG),
                EPS);
        left.susceptibility = 1.5;
        assertEquals(
                -0.08 * 1.5 * 0.8,
                Attitudes.thermometerDose(left, Fixtures.political(1, 0, 1, 0.5, 0.8, 0.6), CONFIG),
                EPS);
    }

    @Test
    void theInPartyWarmsOnCopartisanHostility() {
        User left = Fixtures.user(0, -1, -0.4);
        left.susceptibility = 1.5;
        assertEquals(
                0.03 * 1.5 * 0.8,
                Attitudes.ingroupDose(left, Fixtures.political(1, 0, -1, -0.5, 0.8, 0.6), CONFIG),
                EPS);
        assertEquals(
                0.0,
                Attitudes.ingroupDose(left, Fixtures.political(2, 0, 1, 0.5, 0.8, 0.6), CONFIG),
                EPS);
        assertEquals(100.0, Attitudes.dosed(99.9, 0.5), EPS);
        assertEquals(0.0, Attitudes.dosed(0.1, -0.5), EPS);
        assertEquals(30.5, Attitudes.dosed(30, 0.5), EPS);
    }

    /** Holliday, Lelkes and Westwood 2025: about 75 % of an induced change is gone after a week. */
    @Test
    void thermometersDecayWithAHalfLifeOfThreeAndAHalfDays() {
        assertEquals(28.2, Attitudes.decayed(30, 20, CONFIG), EPS);
        double t = 30;
        for (int day = 0; day < 7; day++) {
            t = Attitudes.decayed(t, 20, CONFIG);
        }
        assertEquals(0.25, (t - 20) / 10, 0.005);
        assertEquals(0.18, SocietyConfig.Thermometer.DECAY, EPS);
        assertEquals(20.05, Attitudes.baselineDrifted(20, 30, CONFIG), EPS);
    }

    @Test
    void opinionsAssimilateContrastOrStay() {
        // accept: 0.2 + 0.01 (0.6 − 0.2)(1 − 0.04)
        assertEquals(
                0.2 + 0.01 * 0.4 * 0.96,
                Attitudes.opinionAfter(0.2, 0.6, Zone.ACCEPT, 0.8, 1.0, CONFIG),
                EPS);
        // reject: 0.2 − 0.002 × 0.8 × sign(−0.7) × 0.96
        assertEquals(
                0.2 + 0.002 * 0.8 * 0.96,
                Attitudes.opinionAfter(0.2, -0.5, Zone.REJECT, 0.8, 1.0, CONFIG),
                EPS);
        assertEquals(
                0.2 + 2 * 0.002 * 0.8 * 0.96,
                Attitudes.opinionAfter(0.2, -0.5, Zone.REJECT, 0.8, 2.0, CONFIG),
                EPS);
        assertEquals(
                0.2, Attitudes.opinionAfter(0.2, -0.5, Zone.NONCOMMITMENT, 0.8, 1.0, CONFIG), EPS);
        assertEquals(0.2, Attitudes.opinionAfter(0.2, 0.6, Zone.NONE, 0.0, 1.0, CONFIG), EPS);
        // The polarity factor holds the extremes in place.
        assertEquals(1.0, Attitudes.opinionAfter(1.0, -0.5, Zone.REJECT, 1.0, 1.0, CONFIG), EPS);
    }

    @Test
    void opinionsRevertToTheirAnchorWithTheConfiguredHalfLife() {
        assertEquals(
                0.3 + 0.2 * Math.pow(0.5, 1.0 / 50),
                Attitudes.revertedToAnchor(0.5, 0.3, CONFIG),
                EPS);
        double x = 0.5;
        for (int day = 0; day < 50; day++) {
            x = Attitudes.revertedToAnchor(x, 0.3, CONFIG);
        }
        assertEquals(0.4, x, 1e-9);
    }
}

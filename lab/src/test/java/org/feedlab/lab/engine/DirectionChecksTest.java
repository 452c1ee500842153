package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Time spent and affect under engagement ranking against a reverse-chronological feed, on the
 * reference population over eight seeds ({@link DirectionRuns}). Each check asserts that the 95 %
 * t-interval of the paired per-seed difference lies inside a band, and prints the effect sizes. The
 * bands come from the classroom experiment (docs/CALIBRATION.md) and the field: Guess et al. 2023a
 * found the chronological feed cut time spent (by about a fifth on Facebook) and moved affective
 * polarization by nothing measurable.
 */
class DirectionChecksTest {

    /** Nyhan et al. 2023's precision: ±0.12 SD ruled out, × the ANES out-party SD of 21.7. */
    static final double NULL_REGION = 0.12 * 21.7;

    @Test
    void engagementRankingKeepsUsersLonger() throws Exception {
        EffectSize items = DirectionRuns.difference("items_per_active_user");
        EffectSize minutes = DirectionRuns.difference("minutes_per_active_user");
        EffectSize sessions = DirectionRuns.difference("sessions_per_active_user");
        System.out.println("engagement − chronological, items read per active day: " + items);
        System.out.println("engagement − chronological, minutes per active day: " + minutes);
        System.out.println("engagement − chronological, sessions per active day: " + sessions);
        assertTrue(items.low() > 15 && items.high() < 50, "items per active day " + items);
        assertTrue(minutes.low() > 2 && minutes.high() < 8, "minutes per active day " + minutes);
        assertTrue(sessions.low() > 0, "sessions per active day " + sessions);
    }

    @Test
    void theOutPartyThermometerMovesLessThanTheFieldCouldDetect() throws Exception {
        EffectSize t = DirectionRuns.difference("thermometer_outgroup_mean");
        System.out.println("engagement − chronological, out-party thermometer: " + t);
        assertTrue(
                t.low() > -NULL_REGION && t.high() < NULL_REGION,
                "out-party thermometer " + t + " outside ±" + NULL_REGION);
        assertTrue(t.high() < 0, "engagement ranking leaves the out-party colder " + t);
    }
}

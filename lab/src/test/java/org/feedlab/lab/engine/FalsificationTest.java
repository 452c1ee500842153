package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feedlab.lab.engine.DirectionRuns.Variant;
import org.junit.jupiter.api.Test;

/**
 * Falsification: each ranking-level effect of the reference population must disappear when the
 * item-level mechanism said to cause it is switched off ({@link DirectionRuns}: the reference
 * effect over five seeds, the switched-off society over three). If an effect survived without its
 * mechanism, it would be written into the model somewhere else.
 */
class FalsificationTest {

    /** Nobody enjoys hostility: no co-partisan drive, no arousal pull (A_i = 0 for every user). */
    static final Variant NO_APPETITE =
            new Variant("no-appetite", c -> c.withAffect(c.affect().withHostilityAppetite(0.0)));

    /**
     * The time-spent mechanisms off: scrolling on no longer depends on what the item was (no
     * interest or arousal pull, no boredom), engaging time is charged in full to the session's
     * budget (no absorption), and coming back no longer depends on satisfaction or habit.
     */
    static final Variant NO_TIME_SPENT_MECHANISMS =
            new Variant(
                    "no-time-spent",
                    c ->
                            c.withReading(
                                            c.reading()
                                                    .withInterestPull(0.0)
                                                    .withArousalPull(0.0)
                                                    .withBoredom(0.0)
                                                    .withAbsorption(0.0))
                                    .withRetention(
                                            c.retention()
                                                    .withReturnSensitivity(0.0)
                                                    .withHabitWeight(0.0)));

    @Test
    void withoutAppetiteForHostilityTheOutrageGapVanishesOrReverses() throws Exception {
        EffectSize reference = DirectionRuns.difference("outrage_exposure_share");
        EffectSize off =
                DirectionRuns.difference(
                        NO_APPETITE, DirectionRuns.VARIANT_SEEDS, "outrage_exposure_share");
        System.out.println("engagement − chronological, hostile share, reference: " + reference);
        System.out.println("engagement − chronological, hostile share, appetite 0: " + off);
        assertTrue(
                reference.low() > 0, "the reference gap must exist to be falsified " + reference);
        // Gone or reversed: at most a fifth of the reference gap, and not distinguishable from 0
        // on the positive side.
        assertTrue(off.mean() < 0.2 * reference.mean(), "gap with appetite 0: " + off);
        assertTrue(off.low() < 0, "gap with appetite 0 still positive: " + off);
    }

    @Test
    void withoutTheTimeSpentMechanismsTheItemsReadEffectVanishes() throws Exception {
        EffectSize reference = DirectionRuns.difference("items_per_active_user");
        EffectSize off =
                DirectionRuns.difference(
                        NO_TIME_SPENT_MECHANISMS,
                        DirectionRuns.VARIANT_SEEDS,
                        "items_per_active_user");
        System.out.println(
                "engagement − chronological, items per active day, reference: " + reference);
        System.out.println(
                "engagement − chronological, items per active day, mechanisms off: " + off);
        assertTrue(reference.low() > 0, "the reference effect must exist " + reference);
        assertTrue(
                Math.abs(off.mean()) < 0.2 * reference.mean(),
                "items-read effect with the time-spent mechanisms off: " + off);
    }
}

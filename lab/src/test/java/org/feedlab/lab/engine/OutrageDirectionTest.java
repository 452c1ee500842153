package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * "The feed learns that outrage pays": on the reference population, an engagement-ranked feed
 * serves a larger hostile share than a reverse-chronological one ({@link DirectionRuns}, eight
 * seeds). Hostility is not written into the engagement equations for every reader: it raises
 * engagement only with the author's own side (Rathje et al. 2021) and brings hides and rejection
 * from the other, so the gap comes from what the model learns about whom a hostile post engages.
 * Runs on the direct engine, which ClosedLoopIT shows gives the same bytes as the stream engine.
 */
class OutrageDirectionTest {

    @Test
    void engagementRankingServesMoreHostility() throws Exception {
        EffectSize hostile = DirectionRuns.difference("outrage_exposure_share");
        EffectSize withinPolitics = DirectionRuns.difference("hostile_political_share");
        System.out.println("engagement − chronological, hostile share: " + hostile);
        System.out.println(
                "engagement − chronological, hostile share of political items: " + withinPolitics);
        // Between 0 and +6 percentage points: present, and far below society v1's +49.
        assertTrue(hostile.low() > 0 && hostile.high() < 0.06, "hostile share " + hostile);
        // Within political items the gap is smaller than its seed-to-seed spread: over eight
        // seeds +3.9 points [-1.0, +8.9]. Only its sign is asserted.
        assertTrue(withinPolitics.mean() > 0, "hostile share of political items " + withinPolitics);
    }
}

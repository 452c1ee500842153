package org.feedlab.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.ranker.features.SessionContext;
import org.junit.jupiter.api.Test;

class SessionSlateTest {
    private static final double EPS = 1e-12;

    // Four candidates: immediate value r and continuation p at the top of the feed, outrage score,
    // post id. At a slot's context, r falls by 0.3 per unit of outrage seen and p by 0.1 per item
    // seen, so the values depend on what the slots above hold.
    private static final double[] R = {1.0, 0.8, 0.6, 0.2};
    private static final double[] P = {0.5, 0.9, 0.8, 0.3};
    private static final double[] OUTRAGE = {0.0, 1.0, 0.5, 0.0};
    private static final long[] IDS = {10, 11, 12, 13};

    private static final SessionSlate.Valuation VALUATION =
            (ctx, placed, cands, count, immediate, continuation) -> {
                for (int j = 0; j < count; j++) {
                    immediate[j] = R[cands[j]] - 0.3 * ctx.outrageSeen();
                    continuation[j] = P[cands[j]] - 0.1 * ctx.itemsSeen();
                }
            };

    /**
     * Three slots by hand. Slot 0 (nothing seen, m = min(3 − 0 − 1, 4 − 1) = 2; by r: 0, 1, 2, 3):
     *
     * <pre>
     * i=0: others' top 2 = {1, 2}: r̄ 0.7, p̄ 0.85, V = 0.7·(1 + 0.85) = 1.295; 1.0 + 0.5·1.295 = 1.6475
     * i=1: {0, 2}: r̄ 0.8, p̄ 0.65, V = 0.8·1.65 = 1.32;                      0.8 + 0.9·1.32  = 1.988
     * i=2: {0, 1}: r̄ 0.9, p̄ 0.7,  V = 0.9·1.7  = 1.53;                      0.6 + 0.8·1.53  = 1.824
     * i=3: {0, 1}: V = 1.53;                                                  0.2 + 0.3·1.53  = 0.659
     * </pre>
     *
     * Candidate 1 wins although candidate 0 has the higher immediate value. Slot 1 (1 item and
     * outrage 1.0 seen, m = 1): r = 0.7, 0.3, −0.1 and p = 0.4, 0.7, 0.2 for 0, 2, 3; i=0: V = r₂ =
     * 0.3, 0.7 + 0.4·0.3 = 0.82; i=2: V = r₀ = 0.7, 0.3 + 0.7·0.7 = 0.79; i=3: −0.1 + 0.2·0.7 =
     * 0.04. Slot 2 (2 items, outrage 1.0, m = 0): V = 0; r = 0.3 for 2, −0.1 for 3.
     */
    @Test
    void fillsSlotsByImmediateValuePlusContinuationTimesLookAhead() {
        List<SessionSlate.Slot> slate =
                SessionSlate.build(new int[] {0, 1, 2, 3}, 3, OUTRAGE, IDS, VALUATION);
        assertEquals(3, slate.size());
        check(slate.get(0), 1, new SessionContext(0, 0, 0, 0.0), 0.8, 0.9, 1.32, 1.988);
        check(slate.get(1), 0, new SessionContext(1, 0, 1, 1.0), 0.7, 0.4, 0.3, 0.82);
        check(slate.get(2), 2, new SessionContext(2, 0, 2, 1.0), 0.3, 0.6, 0.0, 0.3);
    }

    @Test
    void eachSlotIsValuedKnowingTheCandidatesPlacedAboveItInSlotOrder() {
        List<String> seen = new ArrayList<>();
        SessionSlate.build(
                new int[] {0, 1, 2, 3},
                3,
                OUTRAGE,
                IDS,
                (ctx, placed, cands, count, immediate, continuation) -> {
                    seen.add(Arrays.toString(placed));
                    VALUATION.value(ctx, placed, cands, count, immediate, continuation);
                });
        // The slate of the case above: 1, then 0, then 2.
        assertEquals(List.of("[]", "[1]", "[1, 0]"), seen);
    }

    @Test
    void aPoolSmallerThanTheFeedFillsWhatItHasWithoutLookAheadAtTheEnd() {
        // Two candidates, three slots: slot 0 has m = min(2, 1) = 1.
        // i=0: V = r₁ · 1 = 0.8, 1.0 + 0.5·0.8 = 1.4; i=1: V = r₀ = 1.0, 0.8 + 0.9·1.0 = 1.7.
        List<SessionSlate.Slot> slate =
                SessionSlate.build(new int[] {0, 1}, 3, OUTRAGE, IDS, VALUATION);
        assertEquals(2, slate.size());
        check(slate.get(0), 1, new SessionContext(0, 0, 0, 0.0), 0.8, 0.9, 1.0, 1.7);
        // Slot 1: outrage 1.0 seen, r₀ = 0.7, p₀ = 0.4, nothing left after it.
        check(slate.get(1), 0, new SessionContext(1, 0, 1, 1.0), 0.7, 0.4, 0.0, 0.7);
    }

    @Test
    void expectedLengthIsTheGeometricSumOfMSlots() {
        assertEquals(1.0 + 0.5 + 0.25, SessionSlate.expectedLength(0.5, 3), EPS);
        assertEquals(0.0, SessionSlate.expectedLength(0.5, 0), EPS);
        assertEquals(4.0, SessionSlate.expectedLength(1.0, 4), EPS);
    }

    private static void check(
            SessionSlate.Slot slot,
            int candidate,
            SessionContext context,
            double immediate,
            double continuation,
            double lookAhead,
            double value) {
        assertEquals(candidate, slot.candidate());
        assertEquals(context, slot.context());
        assertEquals(immediate, slot.immediate(), EPS);
        assertEquals(continuation, slot.continuation(), EPS);
        assertEquals(lookAhead, slot.lookAhead(), EPS);
        assertEquals(value, slot.value(), EPS);
        assertEquals(continuation * lookAhead, slot.sessionValue(), EPS);
    }
}

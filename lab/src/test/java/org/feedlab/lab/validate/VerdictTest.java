package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final Published CI =
            new Published(0.236, 0.170, 0.301, Published.Kind.CI95, Published.Source.PRIMARY, "");
    private static final Published NULL =
            new Published(
                    0.0, -0.12, 0.12, Published.Kind.NULL_REGION, Published.Source.PRIMARY, "");
    private static final Published SIGN =
            new Published(
                    -21,
                    Double.NaN,
                    Double.NaN,
                    Published.Kind.DIRECTION,
                    Published.Source.SECONDARY,
                    "");

    @Test
    void insideIncludesBothEnds() {
        assertEquals(Verdict.INSIDE, Verdict.judge(CI, 0.170));
        assertEquals(Verdict.INSIDE, Verdict.judge(CI, 0.301));
        assertEquals(Verdict.INSIDE, Verdict.judge(CI, 0.2));
    }

    @Test
    void outsideWithTheSignIsDirectionOnly() {
        assertEquals(Verdict.DIRECTION, Verdict.judge(CI, 0.169));
        assertEquals(Verdict.DIRECTION, Verdict.judge(CI, 0.9));
        assertEquals(Verdict.WRONG, Verdict.judge(CI, -0.01));
        assertEquals(Verdict.WRONG, Verdict.judge(CI, 0.0));
    }

    @Test
    void aNullHasNoDirectionToGetRight() {
        assertEquals(Verdict.INSIDE, Verdict.judge(NULL, -0.12));
        assertEquals(Verdict.INSIDE, Verdict.judge(NULL, 0.05));
        assertEquals(Verdict.WRONG, Verdict.judge(NULL, 0.121));
        assertEquals(Verdict.WRONG, Verdict.judge(NULL, -0.5));
    }

    @Test
    void aSignAloneIsNeverInside() {
        assertEquals(Verdict.DIRECTION, Verdict.judge(SIGN, -3));
        assertEquals(Verdict.WRONG, Verdict.judge(SIGN, 3));
    }

    @Test
    void nothingMeasuredIsWrong() {
        assertEquals(Verdict.WRONG, Verdict.judge(CI, Double.NaN));
    }

    @Test
    void anIntervalMustBeOrdered() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Published(0, 1, -1, Published.Kind.CI95, Published.Source.PRIMARY, ""));
    }
}

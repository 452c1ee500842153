package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each statistic on a hand-computed case: treated 12, control 10, control SD 4. */
class StatisticTest {

    @Test
    void valuesOnAHandComputedCase() {
        assertEquals(2.0, Statistic.DIFFERENCE.of(12, 10, 4), 1e-12);
        assertEquals(20.0, Statistic.PERCENT_CHANGE.of(12, 10, 4), 1e-12);
        assertEquals(1.2, Statistic.RATIO.of(12, 10, 4), 1e-12);
        assertEquals(0.5, Statistic.SD_UNITS.of(12, 10, 4), 1e-12);
        assertEquals(12.0, Statistic.VALUE.of(12, 10, 4), 1e-12);
    }

    @Test
    void aDecreaseIsNegative() {
        assertEquals(-25.0, Statistic.PERCENT_CHANGE.of(7.5, 10, 1), 1e-12);
        assertEquals(-0.625, Statistic.SD_UNITS.of(7.5, 10, 4), 1e-12);
    }

    @Test
    void onlyValueIgnoresTheControlGroup() {
        assertFalse(Statistic.VALUE.needsControl());
        for (Statistic s : Statistic.values()) {
            if (s != Statistic.VALUE) {
                assertTrue(s.needsControl(), s.name());
            }
        }
    }
}

package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The t-interval against a hand computation. */
class EffectSizeTest {
    @Test
    void intervalMatchesHandComputation() {
        // Differences 1, 2, 3, 4, 5: mean 3, s = √2.5 = 1.5811, t(0.975, 4) = 2.776,
        // half width = 2.776 · 1.5811 / √5 = 1.9629.
        EffectSize e = EffectSize.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, e.mean(), 1e-12);
        assertEquals(3.0 - 1.96293, e.low(), 1e-4);
        assertEquals(3.0 + 1.96293, e.high(), 1e-4);
        assertEquals(5, e.n());
    }

    @Test
    void oneSeedHasNoInterval() {
        assertThrows(IllegalArgumentException.class, () -> EffectSize.of(new double[] {1}));
    }
}

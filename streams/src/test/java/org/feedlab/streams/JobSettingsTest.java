package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.feedlab.ranker.RankerConfig;
import org.junit.jupiter.api.Test;

/** The audit's user sample: its share, its determinism and its bounds. */
class JobSettingsTest {
    @Test
    void auditSamplesAboutItsShareOfUsersTheSameWayEveryTime() {
        JobSettings settings = new JobSettings(RankerConfig.defaults(), 8, 7L, 0.25);
        int audited = 0;
        for (int user = 0; user < 20_000; user++) {
            boolean first = settings.audited(user);
            assertThat(settings.audited(user)).isEqualTo(first);
            audited += first ? 1 : 0;
        }
        // Binomial(20000, 0.25): the standard deviation is about 61 users.
        assertThat(audited).isBetween(4_750, 5_250);
        JobSettings none = new JobSettings(RankerConfig.defaults(), 8, 7L);
        JobSettings all = new JobSettings(RankerConfig.defaults(), 8, 7L, 1.0);
        for (int user = 0; user < 100; user++) {
            assertThat(none.audited(user)).isFalse();
            assertThat(all.audited(user)).isTrue();
        }
    }

    @Test
    void aShareOutsideZeroOneIsRefused() {
        assertThatThrownBy(() -> new JobSettings(RankerConfig.defaults(), 8, 7L, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditShare");
    }
}

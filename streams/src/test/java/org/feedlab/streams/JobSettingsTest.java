package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.policy.ChronologicalControlGroup;
import org.feedlab.ranker.policy.ExposureFloor;
import org.feedlab.ranker.policy.MainParameters;
import org.feedlab.ranker.policy.ModelCapacity;
import org.feedlab.ranker.policy.NonProfilingFeed;
import org.feedlab.ranker.policy.OutrageDemotion;
import org.feedlab.ranker.policy.ReshareFriction;
import org.feedlab.ranker.policy.SessionNudge;
import org.feedlab.ranker.policy.TelemetryRestriction;
import org.feedlab.ranker.policy.Transparency;
import org.feedlab.ranker.policy.ViralityCircuitBreaker;
import org.feedlab.ranker.policy.WeightCap;
import org.junit.jupiter.api.Test;

/** The audit's user sample (its share, determinism and bounds), and the settings' bytes. */
class JobSettingsTest {
    @Test
    void auditSamplesAboutItsShareOfUsersTheSameWayEveryTime() {
        JobSettings settings = new JobSettings(RankerConfig.DEFAULTS, 8, 7L, 0.25);
        int audited = 0;
        for (int user = 0; user < 20_000; user++) {
            boolean first = settings.audit().includes(user);
            assertThat(settings.audit().includes(user)).isEqualTo(first);
            audited += first ? 1 : 0;
        }
        // Binomial(20000, 0.25): the standard deviation is about 61 users.
        assertThat(audited).isBetween(4_750, 5_250);
        JobSettings none = new JobSettings(RankerConfig.DEFAULTS, 8, 7L);
        JobSettings all = new JobSettings(RankerConfig.DEFAULTS, 8, 7L, 1.0);
        for (int user = 0; user < 100; user++) {
            assertThat(none.audit().includes(user)).isFalse();
            assertThat(all.audit().includes(user)).isTrue();
        }
    }

    @Test
    void settingsWithEveryKindOfPolicyTravelAsJavaSerializedBytes() throws Exception {
        // Flink ships the operators, and the settings inside them, as Java-serialized bytes.
        RankerConfig ranker =
                RankerConfig.DEFAULTS
                        .withObjective(
                                new ObjectiveConfig(
                                        "custom",
                                        new ObjectiveTerms(
                                                Map.of("comment", 2.0),
                                                1.0,
                                                ObjectiveTerms.ANGRY,
                                                0.5,
                                                0.2,
                                                10)))
                        .withTraining(
                                TrainingConfig.DEFAULTS.withMode(TrainingConfig.Mode.LOG_ONLY))
                        .withModel(ModelConfig.DEFAULTS.withKind(ModelConfig.Kind.LINEAR))
                        .withPolicies(
                                List.of(
                                        new NonProfilingFeed(0.1, "popularity"),
                                        new ChronologicalControlGroup(0.05),
                                        new OutrageDemotion(0.5, "animosity"),
                                        new WeightCap(Map.of("angry", 0.0)),
                                        new ReshareFriction(0.5),
                                        new ViralityCircuitBreaker(10, 2),
                                        new TelemetryRestriction(List.of("user"), 0),
                                        new ExposureFloor(0.3),
                                        new SessionNudge("young", true, 10),
                                        new ModelCapacity(1, 300, 4.6e9),
                                        new Transparency(MainParameters.FILE)));
        JobSettings settings = new JobSettings(ranker, 8, 7L, 0.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(settings);
        }
    }

    @Test
    void aShareOutsideZeroOneIsRefused() {
        assertThatThrownBy(() -> new JobSettings(RankerConfig.DEFAULTS, 8, 7L, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditShare");
    }
}

package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedlab.streams.StreamFixtures.impression;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.postIds;
import static org.feedlab.streams.StreamFixtures.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.feedlab.events.Action;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.TickContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform replay emits one context per phase, only once the watermark has passed it, with the
 * posts published so far; it announces a model at the first retraining tick and keeps no buffered
 * records after firing.
 */
class PlatformReplayFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<Integer, PlatformRecord, TickContext> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Integer, PlatformRecord, TickContext>
            newHarness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PlatformReplayFunction(StreamFixtures.settings()), r -> 0, Types.INT);
    }

    @Test
    void emitsOneContextPerPhaseOnlyAfterTheWatermarkPassesIt() throws Exception {
        harness.processElement(post(1, 10, 1), 1);
        harness.processElement(request(100, 7, 1, 10), 1);
        // A post of phase 3 arriving before phase 1 is complete must wait for its own phase.
        harness.processElement(post(2, 11, 3), 3);

        harness.processWatermark(0);
        assertThat(contexts()).isEmpty();

        harness.processWatermark(1);
        assertThat(ticks()).containsExactly(1L);
        TickContext first = contexts().get(0);
        assertThat(postIds(first)).containsExactly(1L);
        assertThat(first.modelVersion).isEqualTo(ModelVersion.NONE);
        assertThat(first.scorer).isNull();
        assertThat(first.followers).isEqualTo(Map.of(10, 1));

        harness.processWatermark(2);
        assertThat(ticks()).allMatch(t -> t <= 2);

        harness.processWatermark(3);
        // Phase 2 carried no record, yet it has its context, in order, between 1 and 3.
        assertThat(ticks()).containsExactly(1L, 2L, 3L);
        assertThat(postIds(contexts().get(1))).containsExactly(1L);
        assertThat(postIds(contexts().get(2))).containsExactly(1L, 2L);
        assertThat(harness.getSideOutput(PlatformReplayFunction.MODEL_VERSIONS)).isNull();
    }

    @Test
    void announcesTheModelAtTheFirstRetrainingTick() throws Exception {
        harness.processElement(post(1, 10, 0), 0);
        harness.processElement(post(2, 11, 0), 0);
        harness.processElement(post(3, 12, 0), 0);
        harness.processElement(request(100, 7, 0, 10), 0);
        harness.processWatermark(0);
        assertThat(contexts())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.tick).isZero();
                            assertThat(c.modelVersion).isEqualTo(ModelVersion.NONE);
                        });
        assertThat(harness.getSideOutput(PlatformReplayFunction.MODEL_VERSIONS)).isNull();

        // The impressions of tick 0 are published in phase 1; bootstrap is 1 tick, so tick 1
        // is the first retraining tick.
        harness.processElement(impression(100, 7, 1, 0, 0, Action.CLICK, Action.LIKE), 1);
        harness.processElement(impression(100, 7, 2, 0, 1), 1);
        harness.processElement(impression(100, 7, 3, 0, 2, Action.COMMENT), 1);
        harness.processElement(request(101, 7, 1, 10), 1);
        harness.processWatermark(1);

        List<ModelVersion> versions = modelVersions();
        assertThat(versions).hasSize(1);
        ModelVersion v = versions.get(0);
        assertThat(v.tick()).isEqualTo(1);
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.trainingExamples()).isEqualTo(3);
        assertThat(v.windowStartTick()).isZero();
        assertThat(v.provenance()).isNotEmpty();

        TickContext ranked = contexts().get(1);
        assertThat(ranked.tick).isEqualTo(1);
        assertThat(ranked.modelVersion).isEqualTo(1);
        assertThat(ranked.scorer).isNotNull();
        // Counters of the snapshot include the impressions of tick 0.
        assertThat(ranked.post(1).impressions()).isEqualTo(1);
        assertThat(ranked.post(1).engagements()).isEqualTo(2);
        assertThat(ranked.post(2).engagements()).isZero();
    }

    @Test
    void bufferedRecordsAndTimersAreGoneAfterFiring() throws Exception {
        harness.processElement(post(1, 10, 1), 1);
        harness.processElement(request(100, 7, 1, 10), 1);
        harness.processElement(impression(100, 7, 1, 1, 0, Action.CLICK), 2);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(1);
        // The phase-2 impression is still buffered.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(ticks()).containsExactly(1L, 2L);

        harness.processWatermark(5);
        assertThat(ticks()).containsExactly(1L, 2L);
    }

    @Test
    void arrivalOrderWithinAPhaseDoesNotChangeTheContexts() throws Exception {
        List<PlatformRecord> phase0 =
                List.of(
                        post(1, 10, 0),
                        post(2, 11, 0),
                        request(100, 7, 0, 10, 11),
                        request(101, 8, 0, 11));
        List<PlatformRecord> phase1 =
                List.of(
                        impression(100, 7, 1, 0, 0, Action.CLICK),
                        impression(100, 7, 2, 0, 1),
                        impression(101, 8, 2, 0, 0, Action.RESHARE),
                        post(3, 10, 1));
        List<TickContext> forward = run(harness, phase0, phase1);
        try (var other = newHarness()) {
            List<TickContext> backward = run(other, reversed(phase0), reversed(phase1));
            assertThat(backward).hasSameSizeAs(forward);
            for (int i = 0; i < forward.size(); i++) {
                TickContext a = forward.get(i);
                TickContext b = backward.get(i);
                assertThat(b.tick).isEqualTo(a.tick);
                assertThat(b.modelVersion).isEqualTo(a.modelVersion);
                assertThat(postIds(b)).isEqualTo(postIds(a));
                assertThat(b.followers).isEqualTo(a.followers);
                for (var stats : a.posts()) {
                    long id = stats.post().postId();
                    assertThat(b.post(id).impressions()).isEqualTo(stats.impressions());
                    assertThat(b.post(id).engagements()).isEqualTo(stats.engagements());
                }
            }
        }
        assertThat(forward.get(1).modelVersion).isEqualTo(1);
        assertThat(forward.get(0).followers).isEqualTo(Map.of(10, 1, 11, 2));
    }

    private static List<TickContext> run(
            KeyedOneInputStreamOperatorTestHarness<Integer, PlatformRecord, TickContext> h,
            List<PlatformRecord> phase0,
            List<PlatformRecord> phase1)
            throws Exception {
        for (PlatformRecord r : phase0) {
            h.processElement(r, r.phase());
        }
        h.processWatermark(0);
        for (PlatformRecord r : phase1) {
            h.processElement(r, r.phase());
        }
        h.processWatermark(1);
        return h.extractOutputValues();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private List<TickContext> contexts() {
        return harness.extractOutputValues();
    }

    private List<Long> ticks() {
        return contexts().stream().map(c -> c.tick).toList();
    }

    private List<ModelVersion> modelVersions() {
        var side = harness.getSideOutput(PlatformReplayFunction.MODEL_VERSIONS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }
}

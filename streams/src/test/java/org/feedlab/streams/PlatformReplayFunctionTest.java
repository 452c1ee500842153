package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedlab.streams.StreamFixtures.impression;
import static org.feedlab.streams.StreamFixtures.inbound;
import static org.feedlab.streams.StreamFixtures.json;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.postIds;
import static org.feedlab.streams.StreamFixtures.request;
import static org.feedlab.streams.StreamFixtures.userImpression;
import static org.feedlab.streams.StreamFixtures.userRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.feedlab.events.Action;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Topics;
import org.feedlab.ranker.TickContext;
import org.feedlab.streams.types.TickContextSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform replay emits one context per phase, only once the watermark has passed it, with the
 * posts published so far; it announces a model at the first retraining tick, forwards the records
 * it accepted to the scorers, dead-letters those it refused, keeps no buffered records after
 * firing, and a job restored from its checkpoint goes on exactly as the original.
 */
class PlatformReplayFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<Integer, Inbound, TickContext> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness(null);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    /** A harness over a fresh function, restored from {@code state} when given. */
    private static KeyedOneInputStreamOperatorTestHarness<Integer, Inbound, TickContext> newHarness(
            OperatorSubtaskState state) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new PlatformReplayFunction(StreamFixtures.settings())),
                        r -> 0,
                        Types.INT);
        if (state == null) {
            h.setup();
        } else {
            h.initializeState(state);
        }
        h.open();
        return h;
    }

    private void add(PlatformRecord record) throws Exception {
        harness.processElement(inbound(record), record.phase());
    }

    @Test
    void emitsOneContextPerPhaseOnlyAfterTheWatermarkPassesIt() throws Exception {
        add(post(1, 10, 1));
        add(userRequest(7, 1, 10));
        // A post of phase 3 arriving before phase 1 is complete must wait for its own phase.
        add(post(2, 11, 3));

        harness.processWatermark(0);
        assertThat(contexts()).isEmpty();

        harness.processWatermark(1);
        assertThat(ticks()).containsExactly(1L);
        TickContext first = contexts().get(0);
        assertThat(postIds(first)).containsExactly(1L);
        assertThat(first.modelVersion).isEqualTo(ModelVersion.NONE);
        assertThat(first.scorer).isNull();
        assertThat(first.followers).isEqualTo(Map.of(10, 1));
        assertThat(userRecords())
                .extracting(StreamFixtures::json)
                .containsExactly(json(userRequest(7, 1, 10)));

        harness.processWatermark(2);
        assertThat(ticks()).allMatch(t -> t <= 2);

        harness.processWatermark(3);
        // Phase 2 carried no record, yet it has its context, in order, between 1 and 3.
        assertThat(ticks()).containsExactly(1L, 2L, 3L);
        assertThat(postIds(contexts().get(1))).containsExactly(1L);
        assertThat(postIds(contexts().get(2))).containsExactly(1L, 2L);
        assertThat(harness.getSideOutput(PlatformReplayFunction.MODEL_VERSIONS)).isNull();
        assertThat(refused()).isEmpty();
    }

    @Test
    void announcesTheModelAtTheFirstRetrainingTick() throws Exception {
        add(post(1, 10, 0));
        add(post(2, 11, 0));
        add(post(3, 12, 0));
        add(userRequest(7, 0, 10));
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
        add(userImpression(7, 1, 0, 0, Action.CLICK, Action.LIKE));
        add(userImpression(7, 2, 0, 1));
        add(userImpression(7, 3, 0, 2, Action.COMMENT));
        add(userRequest(7, 1, 10));
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
        add(post(1, 10, 1));
        add(userRequest(7, 1, 10));
        add(userImpression(7, 1, 1, 0, Action.CLICK));
        // Keyed state of key 0: the buffered records, nothing advanced yet.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(1);
        // The phase-2 impression is still buffered, and the last phase advanced is kept.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(2);
        // Only the last phase advanced is left.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(ticks()).containsExactly(1L, 2L);

        harness.processWatermark(5);
        assertThat(ticks()).containsExactly(1L, 2L);
    }

    @Test
    void arrivalOrderWithinAPhaseDoesNotChangeTheContexts() throws Exception {
        List<Inbound> forward = new ArrayList<>();
        for (PlatformRecord r : phases().get(0)) {
            forward.add(inbound(r));
        }
        List<Inbound> later = new ArrayList<>();
        for (PlatformRecord r : phases().get(1)) {
            later.add(inbound(r));
        }
        List<TickContext> a = run(harness, forward, later);
        try (var other = newHarness(null)) {
            List<TickContext> b = run(other, reversed(forward), reversed(later));
            assertSameContexts(a, b);
        }
        assertThat(a.get(1).modelVersion).isEqualTo(1);
        assertThat(a.get(0).followers).isEqualTo(Map.of(10, 1, 11, 2));
    }

    /**
     * Records naming unknown ids, and records arriving after their phase closed, are dead-lettered
     * once each with their origin and reason, and the contexts are those of a run without them.
     */
    @Test
    void refusedRecordsBecomeDeadLettersAndChangeNothing() throws Exception {
        List<Inbound> phase0 = new ArrayList<>();
        phases().get(0).forEach(r -> phase0.add(inbound(r)));
        List<Inbound> phase1 = new ArrayList<>();
        phases().get(1).forEach(r -> phase1.add(inbound(r)));
        List<TickContext> clean = run(harness, phase0, phase1);

        try (var other = newHarness(null)) {
            List<Inbound> bad0 = new ArrayList<>(phase0);
            Inbound badRequest = inbound(request(999L, 9, 0, 10));
            bad0.add(0, badRequest);
            List<Inbound> bad1 = new ArrayList<>(phase1);
            Inbound unknownRequest = inbound(impression(555L, 7, 1, 0, 0, Action.CLICK));
            Inbound unknownPost = inbound(userImpression(7, 77, 0, 3));
            Inbound late = inbound(post(9, 10, 0));
            bad1.add(unknownRequest);
            bad1.add(unknownPost);
            bad1.add(late);
            List<TickContext> poisoned = run(other, bad0, bad1);
            assertSameContexts(clean, poisoned);

            List<DeadLetter> letters = sideValues(other, PlatformReplayFunction.REFUSED);
            assertThat(letters)
                    .extracting(DeadLetter::offset)
                    .containsExactlyInAnyOrder(
                            badRequest.offset(),
                            unknownRequest.offset(),
                            unknownPost.offset(),
                            late.offset());
            assertThat(letters)
                    .extracting(DeadLetter::error)
                    .containsExactlyInAnyOrder(
                            "request id 999 is not user 9's id in tick 0",
                            "unknown request id 555 for user 7",
                            "unknown post id 77",
                            "late: phase 0 was already closed");
            DeadLetter request =
                    letters.stream()
                            .filter(l -> l.offset() == badRequest.offset())
                            .findFirst()
                            .orElseThrow();
            assertThat(request.topic()).isEqualTo(Topics.FEED_REQUESTS.name());
            assertThat(request.payload()).isEqualTo(json(badRequest.record()));
        }
    }

    /**
     * A job restored from a checkpoint taken between two phases (the replay's bytes, the buffered
     * records, the timers and the last phase advanced) emits exactly what the original emits from
     * then on: the same contexts, models to the last bit, and the same records for the scorers.
     */
    @Test
    void aRestoredReplayEmitsWhatTheOriginalDoes() throws Exception {
        List<List<PlatformRecord>> phases = phases();
        for (PlatformRecord r : phases.get(0)) {
            add(r);
        }
        harness.processWatermark(0);
        // A record of the next phase is already buffered when the checkpoint is taken.
        List<PlatformRecord> next = phases.get(1);
        add(next.get(0));
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 0L);
        int before = contexts().size();
        try (var restored = newHarness(checkpoint)) {
            for (var h : List.of(harness, restored)) {
                for (PlatformRecord r : next.subList(1, next.size())) {
                    h.processElement(inbound(r), r.phase());
                }
                h.processWatermark(1);
                for (PlatformRecord r : phases.get(2)) {
                    h.processElement(inbound(r), r.phase());
                }
                h.processWatermark(2);
            }
            List<TickContext> original = contexts().subList(before, contexts().size());
            assertThat(original).hasSize(2);
            assertSameContexts(original, restored.extractOutputValues());
            assertThat(original.get(1).scorer).isNotNull();
            assertThat(sideValues(restored, PlatformReplayFunction.MODEL_VERSIONS))
                    .isEqualTo(modelVersions());
            List<String> forwarded = userRecords().stream().map(StreamFixtures::json).toList();
            assertThat(
                            sideValues(restored, PlatformReplayFunction.USER_RECORDS).stream()
                                    .map(StreamFixtures::json))
                    .containsExactlyElementsOf(
                            forwarded.subList(forwarded.size() - 6, forwarded.size()));
        }
    }

    /**
     * Checkpoints reuse the replay's bytes until it advances: a job restored from the second of two
     * checkpoints with no advance between them, and one restored from a checkpoint taken after the
     * next advance, each emit from then on what the original emits. A checkpoint that handed on
     * stale bytes after an advance would restore the replay a phase behind and differ.
     */
    @Test
    void aCheckpointAfterAnAdvanceHoldsTheAdvancedReplay() throws Exception {
        List<List<PlatformRecord>> phases = phases();
        for (PlatformRecord r : phases.get(0)) {
            add(r);
        }
        harness.processWatermark(0);
        harness.snapshot(1L, 0L);
        List<PlatformRecord> next = phases.get(1);
        add(next.get(0));
        OperatorSubtaskState unchanged = harness.snapshot(2L, 0L);
        for (PlatformRecord r : next.subList(1, next.size())) {
            add(r);
        }
        harness.processWatermark(1);
        OperatorSubtaskState advanced = harness.snapshot(3L, 0L);
        int before = contexts().size();
        try (var fromUnchanged = newHarness(unchanged);
                var fromAdvanced = newHarness(advanced)) {
            for (PlatformRecord r : next.subList(1, next.size())) {
                fromUnchanged.processElement(inbound(r), r.phase());
            }
            fromUnchanged.processWatermark(1);
            for (var h : List.of(harness, fromUnchanged, fromAdvanced)) {
                for (PlatformRecord r : phases.get(2)) {
                    h.processElement(inbound(r), r.phase());
                }
                h.processWatermark(2);
            }
            List<TickContext> original = contexts();
            assertThat(original).hasSize(3);
            assertSameContexts(original.subList(1, 3), fromUnchanged.extractOutputValues());
            assertSameContexts(
                    original.subList(before, original.size()), fromAdvanced.extractOutputValues());
            assertThat(original.get(2).scorer).isNotNull();
            // The model of tick 2, warm-started from the one trained at tick 1.
            assertThat(sideValues(fromAdvanced, PlatformReplayFunction.MODEL_VERSIONS))
                    .isEqualTo(modelVersions().subList(1, 2));
        }
    }

    /** Three phases: requests and posts of 0, their impressions and new requests in 1, and 2. */
    private static List<List<PlatformRecord>> phases() {
        return List.of(
                List.of(
                        post(1, 10, 0),
                        post(2, 11, 0),
                        userRequest(7, 0, 10, 11),
                        userRequest(8, 0, 11)),
                List.of(
                        userImpression(7, 1, 0, 0, Action.CLICK),
                        userImpression(7, 2, 0, 1),
                        userImpression(8, 2, 0, 0, Action.RESHARE),
                        post(3, 10, 1),
                        userRequest(7, 1, 10, 11)),
                List.of(
                        userImpression(7, 3, 1, 0, Action.LIKE),
                        userRequest(8, 2, 11),
                        post(4, 11, 2)));
    }

    /** Contexts compared through their serialized form: every field, models to the last bit. */
    private static void assertSameContexts(List<TickContext> a, List<TickContext> b)
            throws Exception {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(bytes(b.get(i))).as("context %d", i).isEqualTo(bytes(a.get(i)));
        }
    }

    private static byte[] bytes(TickContext c) throws Exception {
        var out = new org.apache.flink.core.memory.DataOutputSerializer(1024);
        TickContextSerializer.INSTANCE.serialize(c, out);
        return out.getCopyOfBuffer();
    }

    private static List<TickContext> run(
            KeyedOneInputStreamOperatorTestHarness<Integer, Inbound, TickContext> h,
            List<Inbound> phase0,
            List<Inbound> phase1)
            throws Exception {
        for (Inbound r : phase0) {
            h.processElement(r, r.record().phase());
        }
        h.processWatermark(0);
        for (Inbound r : phase1) {
            h.processElement(r, r.record().phase());
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
        return sideValues(harness, PlatformReplayFunction.MODEL_VERSIONS);
    }

    private List<PlatformRecord> userRecords() {
        return sideValues(harness, PlatformReplayFunction.USER_RECORDS);
    }

    private List<DeadLetter> refused() {
        return sideValues(harness, PlatformReplayFunction.REFUSED);
    }

    private static <T> List<T> sideValues(
            KeyedOneInputStreamOperatorTestHarness<Integer, Inbound, TickContext> h,
            org.apache.flink.util.OutputTag<T> tag) {
        var side = h.getSideOutput(tag);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }
}

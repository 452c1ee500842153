package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedlab.streams.StreamFixtures.impression;
import static org.feedlab.streams.StreamFixtures.inbound;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.request;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.feedlab.events.Action;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.TickEnd;
import org.junit.jupiter.api.Test;

/** Event time is the phase, and the watermark moves only on tick-end markers, never backwards. */
class TickWatermarksTest {

    // The strategy's suppliers ignore their context, so the tests pass none.
    private final WatermarkGenerator<Inbound> generator =
            TickWatermarks.strategy().createWatermarkGenerator(null);
    private final TimestampAssigner<Inbound> assigner =
            TickWatermarks.strategy().createTimestampAssigner(null);
    private final RecordingOutput output = new RecordingOutput();

    @Test
    void watermarkMovesOnlyOnTickEndMarkers() {
        feed(inbound(post(1, 10, 1)));
        feed(inbound(request(100, 7, 1, 10)));
        feed(inbound(impression(90, 7, 1, 1, 0, Action.CLICK)));
        generator.onPeriodicEmit(output);
        assertThat(output.watermarks).isEmpty();

        feed(inbound(TickEnd.of(1, 0)));
        assertThat(output.watermarks).containsExactly(1L);

        feed(inbound(post(2, 10, 2)));
        generator.onPeriodicEmit(output);
        assertThat(output.watermarks).containsExactly(1L);
    }

    @Test
    void watermarkIsMonotonic() {
        feed(inbound(TickEnd.of(1, 0)));
        feed(inbound(TickEnd.of(3, 0)));
        // A repeated or stale marker (e.g. from a slower partition's copy) must not move it back.
        feed(inbound(TickEnd.of(3, 1)));
        feed(inbound(TickEnd.of(2, 0)));
        feed(inbound(TickEnd.of(4, 0)));
        assertThat(output.watermarks).containsExactly(1L, 3L, 4L);
    }

    @Test
    void deadLettersNeitherMoveTheWatermarkNorCarryEventTime() {
        Inbound dead = Inbound.dead(new DeadLetter("posts", 0, 3L, "unreadable", "x"));
        feed(dead);
        assertThat(output.watermarks).isEmpty();
        assertThat(assigner.extractTimestamp(dead, 17L)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void timestampIsThePublicationPhase() {
        assertThat(timestamp(inbound(post(1, 10, 3)))).isEqualTo(3L);
        assertThat(timestamp(inbound(request(100, 7, 3, 10)))).isEqualTo(3L);
        assertThat(timestamp(inbound(TickEnd.of(3, 0)))).isEqualTo(3L);
        // An impression of tick 3 is published after the user read the feed, in phase 4.
        assertThat(timestamp(inbound(impression(100, 7, 1, 3, 0, Action.LIKE)))).isEqualTo(4L);
    }

    private long timestamp(Inbound in) {
        // The record's own (Kafka) timestamp is ignored in favour of the phase.
        return assigner.extractTimestamp(in, 123_456L);
    }

    private void feed(Inbound in) {
        generator.onEvent(in, assigner.extractTimestamp(in, Long.MIN_VALUE), output);
    }

    /** Records emitted watermarks. */
    private static final class RecordingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            throw new AssertionError("the generator never marks a split idle");
        }

        @Override
        public void markActive() {}
    }
}

package org.feedlab.streams;

import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.feedlab.events.TickEnd;

/**
 * Event time is the publication phase (a tick number). A partition's watermark moves to t when its
 * tick-end marker for t arrives; the source combines partitions by minimum, so the job's watermark
 * passes t only once every partition of every input topic has delivered phase t.
 */
public final class TickWatermarks {
    private TickWatermarks() {}

    public static WatermarkStrategy<Inbound> strategy() {
        return WatermarkStrategy.<Inbound>forGenerator(ctx -> new MarkerGenerator())
                .withTimestampAssigner(ctx -> new PhaseAssigner());
    }

    /** Timestamp = phase; dead letters keep no event time. */
    static final class PhaseAssigner implements TimestampAssigner<Inbound> {
        @Override
        public long extractTimestamp(Inbound element, long recordTimestamp) {
            return element.isDead() ? Long.MIN_VALUE : element.record().phase();
        }
    }

    /** Emits a watermark at each tick-end marker, nothing periodically. */
    static final class MarkerGenerator implements WatermarkGenerator<Inbound> {
        private long current = Long.MIN_VALUE;

        @Override
        public void onEvent(Inbound event, long eventTimestamp, WatermarkOutput output) {
            if (!event.isDead() && event.record() instanceof TickEnd end && end.tick() > current) {
                current = end.tick();
                output.emitWatermark(new Watermark(current));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Watermarks only move on markers: a phase is complete when the society says so.
        }
    }
}

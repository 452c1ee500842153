package org.feedlab.events;

/**
 * Marker written to every partition of a topic after the producer has published everything of a
 * phase. It moves that partition's watermark even when the partition carried no data, so the stream
 * job knows the phase is complete.
 *
 * @param tick the completed phase
 * @param partition the partition the marker was written to
 */
public record TickEnd(int schema, long tick, int partition) implements PlatformRecord {

    public static TickEnd of(long tick, int partition) {
        return new TickEnd(SCHEMA_VERSION, tick, partition);
    }
}

package org.feedlab.streams;

import java.util.Comparator;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.PlatformRecord;

/**
 * What the source emits for each Kafka record: a readable platform record with where it was read
 * (topic, partition, offset), or a dead letter saying where the unreadable bytes came from.
 *
 * @param record the record, or null for a dead letter
 * @param deadLetter the dead letter, or null for a readable record
 * @param topic the topic the record was read from
 * @param partition its partition
 * @param offset its offset
 */
public record Inbound(
        PlatformRecord record, DeadLetter deadLetter, String topic, int partition, long offset) {

    /**
     * The order the replay takes a phase's records in: by topic, partition and offset, a fixed
     * order whatever order the partitions were read in (it decides which of two colliding records
     * wins).
     */
    public static final Comparator<Inbound> ORIGIN_ORDER =
            Comparator.comparing(Inbound::topic)
                    .thenComparingInt(Inbound::partition)
                    .thenComparingLong(Inbound::offset);

    /** A readable record read at (topic, partition, offset). */
    public static Inbound of(PlatformRecord record, String topic, int partition, long offset) {
        return new Inbound(record, null, topic, partition, offset);
    }

    /** Bytes that could not be read. */
    public static Inbound dead(DeadLetter letter) {
        return new Inbound(null, letter, letter.topic(), letter.partition(), letter.offset());
    }

    public boolean isDead() {
        return deadLetter != null;
    }

    /** The dead letter of a readable record the platform refused, with the reason. */
    public DeadLetter refused(String reason) {
        return DeadLetters.of(topic, partition, offset, reason, JsonSerde.write(record));
    }
}

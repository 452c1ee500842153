package org.feedlab.streams;

import java.nio.charset.StandardCharsets;
import org.feedlab.events.DeadLetter;

/** Builds dead letters: the origin, the reason, and the payload cut to a readable length. */
public final class DeadLetters {
    /** Characters of a payload kept in its dead letter; the rest is summarised. */
    public static final int PAYLOAD_CHARS = 2_000;

    private DeadLetters() {}

    /**
     * A dead letter for bytes read at (topic, partition, offset). The payload is the bytes as UTF-8
     * (invalid bytes replaced), cut after {@link #PAYLOAD_CHARS} characters with a note of the full
     * size, so an oversized record cannot make an oversized dead letter.
     */
    public static DeadLetter of(
            String topic, int partition, long offset, String reason, byte[] value) {
        String payload = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        if (payload.length() > PAYLOAD_CHARS) {
            payload =
                    payload.substring(0, PAYLOAD_CHARS) + "... (" + value.length + " bytes in all)";
        }
        return new DeadLetter(topic, partition, offset, reason, payload);
    }
}

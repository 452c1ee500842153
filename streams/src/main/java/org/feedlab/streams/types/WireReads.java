package org.feedlab.streams.types;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.MalformedRecordException;
import org.feedlab.events.PlatformRecord;

/** Reads the JSON a {@link JsonSerializer} wrote, failing with an IOException. */
final class WireReads {
    private WireReads() {}

    static PlatformRecord record(byte[] json) throws IOException {
        try {
            return JsonSerde.read(json);
        } catch (MalformedRecordException e) {
            throw new IOException("unreadable record in state: " + e.getMessage(), e);
        }
    }

    static <T extends PlatformRecord> T record(byte[] json, Class<T> type) throws IOException {
        PlatformRecord r = record(json);
        if (!type.isInstance(r)) {
            throw new IOException("expected a " + type.getSimpleName() + ", read " + r);
        }
        return type.cast(r);
    }

    static <T> T value(byte[] json, Class<T> type) throws IOException {
        try {
            return JsonSerde.read(json, type);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

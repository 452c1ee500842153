package org.feedlab.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON form of the platform's records. Types are resolved only from the closed list in {@link
 * PlatformRecord}; there is no default typing, so bytes on a topic can never name a class to
 * instantiate.
 */
public final class JsonSerde {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    // The same doubles as Double.parseDouble (both round correctly), in less time:
                    // a feed carries thousands of predictions, and the JDK's parser took about 6 %
                    // of a stream run's CPU samples (docs/PERFORMANCE.md, "Stream vs direct").
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build();

    private JsonSerde() {}

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serializes any event record or dead letter. */
    public static byte[] write(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a platform record, rejecting unknown types, missing fields and newer schemas. */
    public static PlatformRecord read(byte[] bytes) throws MalformedRecordException {
        if (bytes == null) {
            throw new MalformedRecordException("null value");
        }
        PlatformRecord record;
        try {
            record = MAPPER.readValue(bytes, PlatformRecord.class);
        } catch (IOException e) {
            throw new MalformedRecordException(firstLine(e.getMessage()), e);
        }
        if (record == null) {
            throw new MalformedRecordException("empty record");
        }
        if (record.schema() < 1 || record.schema() > PlatformRecord.SCHEMA_VERSION) {
            throw new MalformedRecordException(
                    "unsupported schema version "
                            + record.schema()
                            + " (this reader knows 1.."
                            + PlatformRecord.SCHEMA_VERSION
                            + ")");
        }
        return record;
    }

    /** Reads a value of a known type (used for records that are not platform records). */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable record";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

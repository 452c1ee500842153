package org.feedlab.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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

    /**
     * The mapper's writer with Jackson's Schubfach double writer ({@code USE_FAST_DOUBLE_WRITER}):
     * each double as the shortest decimal that reads back as the same double. Java 17's {@link
     * Double#toString} can write more digits than that (the bug fixed in Java 19), so the text can
     * differ, never the value: records that only cross a topic or a Flink channel and are read back
     * use it; what a run writes to its files keeps {@link #write}.
     */
    private static final ObjectWriter WIRE_WRITER =
            MAPPER.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());

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

    /**
     * Serializes a record for the wire (a Kafka topic, a Flink channel or state): the same fields
     * as {@link #write}, each double as its shortest decimal, which {@link #read} turns back into
     * the same double. A feed carries thousands of predictions, and {@link Double#toString} took
     * more than half of the stream engine's scorer thread (docs/PERFORMANCE.md, "Where a stream
     * tick's time goes").
     */
    public static byte[] writeWire(Object record) {
        try {
            return WIRE_WRITER.writeValueAsBytes(record);
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

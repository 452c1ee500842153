package org.feedlab.ranker.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.events.Post;
import org.feedlab.ranker.model.ModelBytes;

/**
 * Helpers for the platform's binary state: arrays and maps written with their length, maps in key
 * order (so equal state gives equal bytes), posts field by field, and sealed blobs (a format tag, a
 * version, the body and its CRC32) that refuse bytes of another format, another version or with an
 * altered body.
 */
public final class StateIO {
    /** Largest element count a reader accepts: guards against a corrupted length. */
    public static final int MAX_COUNT = 1 << 28;

    /**
     * Values an array writer encodes before it hands the bytes on: {@link DataOutputStream} writes
     * an int or a float as four one-byte writes, each a synchronized call on a byte-array stream,
     * which made a checkpoint of the trainer's window (hundreds of megabytes of features) cost more
     * than the training itself. The bytes are the same either way.
     */
    private static final int CHUNK = 1024;

    private StateIO() {}

    /** Writer of one value into a stream. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    /** Reader of one value from a stream. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    /** A deep copy of a value through its binary form. */
    public static <T> T copy(T value, Writer<T> write, Reader<T> read) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            write.write(out, value);
            out.flush();
            return read.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a count written by {@code writeInt}, refusing a negative or absurd one. */
    public static int readCount(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("corrupted state: count " + n);
        }
        return n;
    }

    /** Ints big-endian, as {@link DataOutput#writeInt} writes each, in chunks. */
    public static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(values.length, CHUNK) * Integer.BYTES);
        for (int v : values) {
            chunk.putInt(v);
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    public static int[] readInts(DataInput in) throws IOException {
        int[] values = new int[readCount(in)];
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(values.length, CHUNK) * Integer.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            in.readFully(chunk.array(), 0, n * Integer.BYTES);
            for (int i = 0; i < n; i++) {
                values[from + i] = chunk.getInt(i * Integer.BYTES);
            }
        }
        return values;
    }

    public static void writeLongs(DataOutput out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    public static long[] readLongs(DataInput in) throws IOException {
        long[] values = new long[readCount(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    /** Doubles by their exact bits. */
    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static double[] readDoubles(DataInput in) throws IOException {
        double[] values = new double[readCount(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    /**
     * Floats by their bits as {@link DataOutput#writeFloat} writes each ({@link
     * Float#floatToIntBits}, big-endian), in chunks.
     */
    public static void writeFloats(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(values.length, CHUNK) * Float.BYTES);
        for (float v : values) {
            chunk.putInt(Float.floatToIntBits(v));
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    public static float[] readFloats(DataInput in) throws IOException {
        float[] values = new float[readCount(in)];
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(values.length, CHUNK) * Float.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            in.readFully(chunk.array(), 0, n * Float.BYTES);
            for (int i = 0; i < n; i++) {
                values[from + i] = Float.intBitsToFloat(chunk.getInt(i * Float.BYTES));
            }
        }
        return values;
    }

    /**
     * Floats as {@link #writeFloats} keeps them, for arrays that are mostly zero: the length, a
     * bitmap of the values whose bits are not those of +0.0 (bit {@code i % 8} of byte {@code i /
     * 8}), then those values in order. -0.0 is kept; a NaN reads back as the canonical NaN, as from
     * {@link #writeFloats}.
     */
    public static void writeSparseFloats(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        int present = 0;
        for (float v : values) {
            if (Float.floatToIntBits(v) != 0) {
                present++;
            }
        }
        int mapBytes = (values.length + 7) / 8;
        ByteBuffer body = ByteBuffer.allocate(mapBytes + present * Float.BYTES);
        body.position(mapBytes);
        byte[] map = body.array();
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]);
            if (bits != 0) {
                map[i >>> 3] |= (byte) (1 << (i & 7));
                body.putInt(bits);
            }
        }
        out.write(map, 0, body.position());
    }

    public static float[] readSparseFloats(DataInput in) throws IOException {
        float[] values = new float[readCount(in)];
        byte[] map = new byte[(values.length + 7) / 8];
        in.readFully(map);
        int present = 0;
        for (byte b : map) {
            present += Integer.bitCount(b & 0xff);
        }
        if (values.length % 8 != 0 && (map[map.length - 1] & 0xff) >>> (values.length % 8) != 0) {
            throw new IOException("corrupted state: sparse bitmap beyond " + values.length);
        }
        ByteBuffer body = ByteBuffer.allocate(present * Float.BYTES);
        in.readFully(body.array());
        for (int i = 0; i < values.length; i++) {
            if ((map[i >>> 3] >>> (i & 7) & 1) != 0) {
                values[i] = Float.intBitsToFloat(body.getInt());
            }
        }
        return values;
    }

    public static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return bytes;
    }

    /** A string of any length (writeUTF stops at 64 KB). */
    public static void writeString(DataOutput out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    public static String readString(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** A map in ascending key order, so the same content always gives the same bytes. */
    public static <K extends Comparable<K>, V> void writeMap(
            DataOutput out, Map<K, V> map, Writer<K> key, Writer<V> value) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<K, V> e : new TreeMap<>(map).entrySet()) {
            key.write(out, e.getKey());
            value.write(out, e.getValue());
        }
    }

    /** Reads a map written by {@link #writeMap} into {@code into}. */
    public static <K, V, M extends Map<K, V>> M readMap(
            DataInput in, M into, Reader<K> key, Reader<V> value) throws IOException {
        int n = readCount(in);
        for (int i = 0; i < n; i++) {
            into.put(key.read(in), value.read(in));
        }
        return into;
    }

    /** A map of string to string, as provenance and evaluations are kept. */
    public static void writeStrings(DataOutput out, Map<String, String> map) throws IOException {
        writeMap(out, map, StateIO::writeString, StateIO::writeString);
    }

    public static Map<String, String> readStrings(DataInput in) throws IOException {
        return readMap(in, new TreeMap<>(), StateIO::readString, StateIO::readString);
    }

    /** A post as the platform sees it, field by field. */
    public static void writePost(DataOutput out, Post p) throws IOException {
        out.writeInt(p.schema());
        out.writeLong(p.postId());
        out.writeInt(p.authorId());
        out.writeLong(p.tick());
        out.writeInt(p.topic());
        out.writeDouble(p.stance());
        out.writeDouble(p.outrageScore());
        out.writeLong(p.parentPostId());
    }

    public static Post readPost(DataInput in) throws IOException {
        return new Post(
                in.readInt(),
                in.readLong(),
                in.readInt(),
                in.readLong(),
                in.readInt(),
                in.readDouble(),
                in.readDouble(),
                in.readLong());
    }

    /**
     * A sealed blob: {@code format} (four letters), {@code version}, the body {@code write}s, and
     * the CRC32 of all of it ({@link ModelBytes}'s framing).
     */
    public static <T> byte[] seal(String format, int version, T value, Writer<T> write) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(tag(format));
            out.writeInt(version);
            write.write(out, value);
            out.flush();
            ModelBytes.seal(bytes.toByteArray(), out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a sealed blob's reader gets: the version it was written with and its body. */
    @FunctionalInterface
    public interface VersionedReader<T> {
        T read(int version, DataInput in) throws IOException;
    }

    /**
     * Opens a blob written by {@link #seal}: checks the checksum, the format tag and that the
     * version is one this reader knows (1 to {@code newest}), then reads the body.
     *
     * @throws IllegalArgumentException starting with "corrupted state" for bytes that fail a check
     */
    public static <T> T open(String format, int newest, byte[] blob, VersionedReader<T> read) {
        int body;
        try {
            body = ModelBytes.checkedBodyLength(blob, 2 * Integer.BYTES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "corrupted state (" + format + "): " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob, 0, body))) {
            int tag = in.readInt();
            if (tag != tag(format)) {
                throw new IllegalArgumentException(
                        "corrupted state: expected a " + format + " blob, got tag " + tag);
            }
            int version = in.readInt();
            if (version < 1 || version > newest) {
                throw new IllegalArgumentException(
                        "corrupted state: "
                                + format
                                + " version "
                                + version
                                + " (this reader knows 1.."
                                + newest
                                + ")");
            }
            T value = read.read(version, in);
            if (in.available() != 0) {
                throw new IllegalArgumentException(
                        "corrupted state: " + in.available() + " bytes after the " + format);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "corrupted state (" + format + "): " + e.getMessage(), e);
        }
    }

    private static int tag(String format) {
        if (format.length() != 4) {
            throw new IllegalArgumentException("a format tag has four letters: " + format);
        }
        return format.charAt(0) << 24
                | format.charAt(1) << 16
                | format.charAt(2) << 8
                | format.charAt(3);
    }
}

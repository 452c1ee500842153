package org.feedlab.ranker.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * The framing every compiled model's bytes share: a body followed by the CRC32 of the body, so a
 * truncated or altered model is refused at load, and the names block both scorers write.
 */
public final class ModelBytes {
    /** Length of the trailing checksum. */
    public static final int CHECKSUM_BYTES = Long.BYTES;

    private ModelBytes() {}

    /** Appends the CRC32 of everything written so far to {@code out} (backed by {@code body}). */
    public static void seal(byte[] body, DataOutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeLong(crc.getValue());
    }

    /**
     * Checks the trailing checksum and returns the length of the body before it.
     *
     * @param minBody the fewest body bytes a valid model can have
     * @throws IllegalArgumentException starting with "corrupted model" when too short or altered
     */
    public static int checkedBodyLength(byte[] bytes, int minBody) {
        if (bytes.length < CHECKSUM_BYTES + minBody) {
            throw new IllegalArgumentException(
                    "corrupted model: " + bytes.length + " bytes is too short for a scorer");
        }
        int body = bytes.length - CHECKSUM_BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        long stored = 0;
        for (int i = 0; i < CHECKSUM_BYTES; i++) {
            stored = stored << 8 | (bytes[body + i] & 0xFF);
        }
        if (crc.getValue() != stored) {
            throw new IllegalArgumentException(
                    String.format(
                            "corrupted model: checksum mismatch (stored %08x, computed %08x)",
                            stored, crc.getValue()));
        }
        return body;
    }

    /** Writes a count and the names. */
    public static void writeNames(DataOutputStream out, String[] names) throws IOException {
        out.writeInt(names.length);
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    /** Reads names written by {@link #writeNames}, refusing a count the bytes cannot hold. */
    public static String[] readNames(DataInputStream in, int maxBytes) throws IOException {
        int count = in.readInt();
        // Each name takes at least its two-byte length prefix.
        if (count < 0 || (long) count * 2 > maxBytes) {
            throw new IllegalArgumentException("corrupted model: bad name count " + count);
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = in.readUTF();
        }
        return names;
    }
}

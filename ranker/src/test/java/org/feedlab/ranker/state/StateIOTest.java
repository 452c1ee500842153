package org.feedlab.ranker.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Arrays are written in chunks, byte for byte as {@link DataOutputStream} writes them one value at
 * a time, so checkpoints written before and after read the same.
 */
class StateIOTest {
    /** Lengths around the chunk of 1,024 values, where a chunked writer can slip. */
    private static final int[] LENGTHS = {0, 1, 2, 1023, 1024, 1025, 2048, 3 * 1024 + 5};

    private static float[] floats(int n) {
        float[] values = new float[n];
        float[] special = {
            0.0f,
            -0.0f,
            Float.NaN,
            Float.intBitsToFloat(0x7fc00001), // another NaN: written as the canonical one
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE,
            -Float.MAX_VALUE
        };
        for (int i = 0; i < n; i++) {
            values[i] = i < special.length ? special[i] : (i * 0.37f - 11.5f) * (i % 3 - 1);
        }
        return values;
    }

    private static int[] ints(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i == 0 ? Integer.MIN_VALUE : i == 1 ? -1 : i * 0x01020305 - 7;
        }
        return values;
    }

    @Test
    void floatsAreWrittenAsWriteFloatWritesEachOneAndReadBack() throws IOException {
        for (int n : LENGTHS) {
            float[] values = floats(n);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream one = new DataOutputStream(expected);
            one.writeInt(n);
            for (float v : values) {
                one.writeFloat(v);
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            StateIO.writeFloats(new DataOutputStream(actual), values);
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "length " + n);
            assertEquals(Integer.BYTES + Float.BYTES * n, actual.size());

            DataInputStream in =
                    new DataInputStream(new ByteArrayInputStream(actual.toByteArray()));
            float[] read = StateIO.readFloats(in);
            assertEquals(n, read.length);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(values[i]), Float.floatToIntBits(read[i]));
            }
            assertEquals(0, in.available(), "length " + n);
        }
    }

    @Test
    void intsAreWrittenAsWriteIntWritesEachOneAndReadBack() throws IOException {
        for (int n : LENGTHS) {
            int[] values = ints(n);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream one = new DataOutputStream(expected);
            one.writeInt(n);
            for (int v : values) {
                one.writeInt(v);
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            StateIO.writeInts(new DataOutputStream(actual), values);
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "length " + n);

            DataInputStream in =
                    new DataInputStream(new ByteArrayInputStream(actual.toByteArray()));
            assertArrayEquals(values, StateIO.readInts(in), "length " + n);
            assertEquals(0, in.available(), "length " + n);
        }
    }

    @Test
    void aTruncatedArrayIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateIO.writeFloats(new DataOutputStream(bytes), floats(1500));
        byte[] whole = bytes.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        assertThrows(
                EOFException.class,
                () -> StateIO.readFloats(new DataInputStream(new ByteArrayInputStream(cut))));
    }

    @Test
    void sparseFloatsKeepEveryBitButThoseOfPlusZero() throws IOException {
        for (int n : LENGTHS) {
            float[] values = floats(n);
            for (int i = 8; i < n; i += 3) {
                values[i] = 0.0f; // two thirds of the rest are off, as in a one-hot field
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateIO.writeSparseFloats(new DataOutputStream(bytes), values);
            int present = 0;
            for (float v : values) {
                present += Float.floatToIntBits(v) != 0 ? 1 : 0;
            }
            assertEquals(
                    Integer.BYTES + (n + 7) / 8 + Float.BYTES * present,
                    bytes.size(),
                    "length " + n);

            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            float[] read = StateIO.readSparseFloats(in);
            assertEquals(n, read.length);
            for (int i = 0; i < n; i++) {
                assertEquals(
                        Float.floatToIntBits(values[i]),
                        Float.floatToIntBits(read[i]),
                        "length " + n + " at " + i);
            }
            assertEquals(0, in.available(), "length " + n);
        }
    }

    @Test
    void sparseFloatsHaveTheLayoutTheyDocument() throws IOException {
        float[] values = new float[10];
        values[1] = 1.0f;
        values[8] = -0.0f;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateIO.writeSparseFloats(new DataOutputStream(bytes), values);
        byte[] expected = {
            0,
            0,
            0,
            10, // length
            0b10,
            0b1, // bitmap: slots 1 and 8
            0x3f,
            (byte) 0x80,
            0,
            0, // 1.0f
            (byte) 0x80,
            0,
            0,
            0 // -0.0f
        };
        assertArrayEquals(expected, bytes.toByteArray());
    }

    @Test
    void aSparseBitmapWithSlotsBeyondTheLengthIsRefused() {
        byte[] bytes = {0, 0, 0, 10, 0, 0b100, 0x3f, (byte) 0x80, 0, 0};
        assertThrows(
                IOException.class,
                () ->
                        StateIO.readSparseFloats(
                                new DataInputStream(new ByteArrayInputStream(bytes))));
    }
}

package org.feedlab.ranker.model;

import org.feedlab.ranker.model.widedeep.WideDeepScorer;

/** Loads any shipped scorer from its checksummed bytes, choosing the format by its magic. */
public final class Scorers {
    private Scorers() {}

    /**
     * @throws IllegalArgumentException starting with "corrupted model" for bytes that fail the
     *     checksum or are not a known scorer format
     */
    public static Scorer fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 4) {
            throw new IllegalArgumentException("corrupted model: too short");
        }
        int magic =
                (bytes[0] & 0xFF) << 24
                        | (bytes[1] & 0xFF) << 16
                        | (bytes[2] & 0xFF) << 8
                        | (bytes[3] & 0xFF);
        if (magic == 0x464C5744) {
            return WideDeepScorer.fromBytes(bytes);
        }
        return DenseLinearScorer.fromBytes(bytes);
    }
}

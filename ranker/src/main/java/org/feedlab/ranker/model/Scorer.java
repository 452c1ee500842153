package org.feedlab.ranker.model;

import java.util.List;

/**
 * The serving form of a trained model: scores a batch of dense feature vectors for every head at
 * once. Compiled from a Tribuo model; must give the same probabilities as Tribuo's predict.
 */
public interface Scorer {
    /** Length of one feature vector. */
    int features();

    /** Number of heads (one probability per head). */
    int heads();

    /** Feature names in vector order. */
    List<String> featureNames();

    /** Head names in output order. */
    List<String> headNames();

    /** One vector's head probabilities. */
    void predict(float[] x, double[] outProbabilities);

    /**
     * Scores n vectors laid out row-major in {@code xs} (n × features) into {@code out} (n ×
     * heads).
     */
    void predictBatch(float[] xs, int n, double[] out);

    /**
     * As {@link #predictBatch(float[], int, double[])} for n rows that hold the same value in every
     * {@code shared} slot (one request's candidates share the user-side slots): a scorer may
     * compute their share once per batch, with exactly the same results.
     *
     * @throws IllegalArgumentException when a row differs from row 0 in a shared slot
     */
    default void predictBatch(float[] xs, int n, double[] out, SharedSlots shared) {
        shared.check(xs, n, features());
        predictBatch(xs, n, out);
    }

    /** A self-checking byte form (with a checksum) for shipping and storing the model. */
    byte[] toBytes();
}

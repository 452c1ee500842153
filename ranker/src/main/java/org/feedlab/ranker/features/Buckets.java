package org.feedlab.ranker.features;

/** Discretisation of observable post attributes into the buckets user aggregates are kept in. */
public final class Buckets {
    /** Stance buckets over [-1, 1]. */
    public static final int STANCE = 5;

    /** Outrage-score buckets over [0, 1]. */
    public static final int OUTRAGE = 3;

    private Buckets() {}

    /** Stance bucket of a stance in [-1, 1]. */
    public static int stance(double stance) {
        int b = (int) Math.floor((stance + 1.0) / 2.0 * STANCE);
        return Math.max(0, Math.min(STANCE - 1, b));
    }

    /** Outrage bucket of a classifier score in [0, 1]. */
    public static int outrage(double score) {
        int b = (int) Math.floor(score * OUTRAGE);
        return Math.max(0, Math.min(OUTRAGE - 1, b));
    }
}

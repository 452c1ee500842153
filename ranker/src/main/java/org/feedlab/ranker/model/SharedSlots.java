package org.feedlab.ranker.model;

import java.util.Arrays;

/**
 * Slots of a feature vector that hold the same value in every row of a batch: the user-side slots
 * of one feed request (every candidate is scored for the same user at the same tick). A scorer may
 * compute their share of the first layer once per batch instead of once per row; it must give the
 * same scores bit for bit as without.
 */
public final class SharedSlots {
    /** No shared slots: every row is scored on its own. */
    public static final SharedSlots NONE = new SharedSlots(new int[0]);

    private final int[] slots;

    private SharedSlots(int[] slots) {
        this.slots = slots;
    }

    /**
     * The given slots (strictly ascending, non-negative).
     *
     * @throws IllegalArgumentException when they are not
     */
    public static SharedSlots of(int... slots) {
        int[] copy = slots.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || (i > 0 && copy[i] <= copy[i - 1])) {
                throw new IllegalArgumentException(
                        "shared slots must be ascending and non-negative: "
                                + Arrays.toString(copy));
            }
        }
        return new SharedSlots(copy);
    }

    /** Number of shared slots. */
    public int size() {
        return slots.length;
    }

    /** The i-th shared slot. */
    public int slot(int i) {
        return slots[i];
    }

    /** Whether the shared slots all lie below {@code features}. */
    public boolean fits(int features) {
        return slots.length == 0 || slots[slots.length - 1] < features;
    }

    /**
     * Checks the promise: every row of {@code xs} (n rows of {@code features}) holds the same bits
     * as row 0 in every shared slot.
     *
     * @throws IllegalArgumentException naming the first row and slot that differ
     */
    public void check(float[] xs, int n, int features) {
        if (!fits(features)) {
            throw new IllegalArgumentException(
                    "shared slot " + slots[slots.length - 1] + " beyond " + features + " features");
        }
        for (int r = 1; r < n; r++) {
            for (int s : slots) {
                if (Float.floatToRawIntBits(xs[r * features + s])
                        != Float.floatToRawIntBits(xs[s])) {
                    throw new IllegalArgumentException(
                            "row " + r + " differs from row 0 in shared slot " + s);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SharedSlots" + Arrays.toString(slots);
    }
}

package org.feedlab.ranker.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One logged impression as the trainer sees it: a dense feature vector in the trainer's fixed
 * feature order and the actions that followed it, one bit per head.
 *
 * <p>The array is not copied: training windows hold hundreds of thousands of examples, so the
 * caller hands over ownership and must not change the array afterwards.
 *
 * @param features feature values, in the order of the trainer's feature names
 * @param labels bit set over heads: head {@code i} was positive exactly when bit {@code i} is set
 */
public record TrainingExample(float[] features, int labels) {

    public TrainingExample {
        Objects.requireNonNull(features, "features");
    }

    /** Whether head {@code head} was positive for this impression. */
    public boolean hasLabel(int head) {
        return (labels >>> head & 1) != 0;
    }

    // Records compare arrays by identity; examples are values, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingExample other
                && labels == other.labels
                && Arrays.equals(features, other.features);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + labels;
    }

    @Override
    public String toString() {
        return "TrainingExample[features="
                + Arrays.toString(features)
                + ", labels="
                + Integer.toBinaryString(labels)
                + "]";
    }
}

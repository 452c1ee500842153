package org.feedlab.ranker.model.widedeep;

import org.feedlab.ranker.model.SharedSlots;

/**
 * One way to run a compiled {@link WideDeepScorer} over a batch: {@link ScalarForward} in plain
 * Java, {@link VectorForward} with the Vector API. Both do the same float operations in the same
 * order for every output, so they give the same probabilities bit for bit (and the closed loop the
 * same feeds whichever runs).
 */
interface ForwardPass {
    /**
     * Head probabilities of n rows of {@code xs} into {@code out} (n × heads), computing the
     * products of the {@code shared} slots once for the batch (the caller has checked that every
     * row agrees with row 0 there).
     */
    void forward(float[] xs, int n, SharedSlots shared, double[] out);

    /** A short name for reports: which implementation and how wide. */
    String describe();

    /** sigmoid(wide + deep), in double, as every pass computes it. */
    static double probability(float wide, float deep) {
        double z = (double) wide + deep;
        return 1.0 / (1.0 + Math.exp(-z));
    }
}

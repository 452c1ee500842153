package org.feedlab.ranker.model;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.ranker.features.FeatureSpace;

/**
 * Z-scores the numeric slots of examples with means and deviations fitted on a training set only,
 * so that counters such as post age or log follower counts enter every model on the same scale
 * (unscaled, they make the factorization machine's pairwise gradients diverge). One-hot slots are
 * left as they are, keeping them sparse and the deep part's embeddings valid.
 */
public final class Standardiser {
    private final int[] slots;
    private final float[] mean;
    private final float[] scale;

    private Standardiser(int[] slots, float[] mean, float[] scale) {
        this.slots = slots;
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits means and standard deviations of every numeric slot of the feature space. */
    public static Standardiser fit(List<TrainingExample> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a standardiser on no examples");
        }
        List<Integer> numeric = new ArrayList<>();
        for (int j = 0; j < FeatureSpace.width(); j++) {
            if (FeatureSpace.kind(j) == FeatureSpace.Kind.NUMERIC) {
                numeric.add(j);
            }
        }
        int[] slots = numeric.stream().mapToInt(Integer::intValue).toArray();
        double[] sum = new double[slots.length];
        double[] sumSq = new double[slots.length];
        for (TrainingExample e : train) {
            float[] x = e.features();
            for (int k = 0; k < slots.length; k++) {
                double v = x[slots[k]];
                sum[k] += v;
                sumSq[k] += v * v;
            }
        }
        int n = train.size();
        float[] mean = new float[slots.length];
        float[] scale = new float[slots.length];
        for (int k = 0; k < slots.length; k++) {
            mean[k] = (float) (sum[k] / n);
            scale[k] = (float) inverseDeviation(sum[k], sumSq[k], n);
        }
        return new Standardiser(slots, mean, scale);
    }

    /**
     * 1 / standard deviation of n values from their sum and sum of squares; 1 for a constant value,
     * which is then only centred instead of being divided by zero.
     */
    public static double inverseDeviation(double sum, double sumSq, long n) {
        double m = sum / n;
        double var = Math.max(0.0, sumSq / n - m * m);
        return var > 1e-12 ? 1.0 / Math.sqrt(var) : 1.0;
    }

    /** The examples with their numeric slots standardised (new arrays; labels kept). */
    public List<TrainingExample> apply(List<TrainingExample> examples) {
        List<TrainingExample> out = new ArrayList<>(examples.size());
        for (TrainingExample e : examples) {
            float[] x = e.features().clone();
            for (int k = 0; k < slots.length; k++) {
                x[slots[k]] = (x[slots[k]] - mean[k]) * scale[k];
            }
            out.add(new TrainingExample(x, e.labels()));
        }
        return out;
    }
}

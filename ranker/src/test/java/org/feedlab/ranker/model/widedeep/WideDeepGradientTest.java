package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.TrainingExample;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableDataset;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.multilabel.MultiLabel;

/**
 * The hand-written backward pass against finite differences of the loss, for every tensor: wide
 * weights, embeddings, hidden layers and biases, and the output layer.
 */
class WideDeepGradientTest {
    @Test
    void backwardPassMatchesFiniteDifferences() {
        List<TrainingExample> data = WideDeepTest.data(200, 5);
        ImmutableDataset<MultiLabel> dataset =
                Datasets.multiLabel(
                        data,
                        WideDeepTest.FEATURES,
                        Datasets.allColumns(WideDeepTest.FEATURES.size()),
                        WideDeepTest.HEADS,
                        false,
                        "gradient check");
        Layout layout = Layout.of(dataset.getFeatureIDMap());
        WideDeepParameters p =
                new WideDeepParameters(
                        layout,
                        2,
                        3,
                        new int[] {5, 4},
                        InputScale.fit(dataset, layout),
                        new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(4);
        // Every tensor away from its initial value (the output layer starts at zero), so that
        // each one gets a non-trivial gradient.
        for (Tensor t : p.get()) {
            if (t instanceof DenseMatrix m) {
                for (int i = 0; i < m.getDimension1Size(); i++) {
                    for (int j = 0; j < m.getDimension2Size(); j++) {
                        m.set(i, j, m.get(i, j) + rng.nextDouble(-0.5, 0.5));
                    }
                }
            } else {
                DenseVector v = (DenseVector) t;
                for (int i = 0; i < v.size(); i++) {
                    v.set(i, v.get(i) + rng.nextDouble(-0.5, 0.5));
                }
            }
        }
        float[] row = data.get(7).features();
        DenseVector x = new DenseVector(layout.features() + 1);
        for (int j = 0; j < row.length; j++) {
            x.set(dataset.getFeatureIDMap().getID(WideDeepTest.FEATURES.get(j)), row[j]);
        }
        x.set(layout.features(), 1.0);
        double[] y = {1.0, 0.0};

        DenseVector logits = p.predict(x);
        DenseVector negGrad = new DenseVector(2);
        for (int h = 0; h < 2; h++) {
            negGrad.set(h, y[h] - sigmoid(logits.get(h)));
        }
        Tensor[] grads = p.gradients(new Pair<>(loss(p, x, y), negGrad), x);

        int checked = 0;
        Tensor[] w = p.get();
        for (int k = 0; k < w.length; k++) {
            if (w[k] instanceof DenseMatrix m) {
                org.tribuo.math.la.Matrix g = (org.tribuo.math.la.Matrix) grads[k];
                for (int i = 0; i < m.getDimension1Size(); i++) {
                    for (int j = 0; j < m.getDimension2Size(); j++) {
                        int r = i;
                        int c = j;
                        checked +=
                                checkEntry(
                                        () -> m.get(r, c),
                                        v -> m.set(r, c, v),
                                        g.get(i, j),
                                        () -> loss(p, x, y),
                                        "tensor " + k + " [" + i + "," + j + "]");
                    }
                }
            } else {
                DenseVector v = (DenseVector) w[k];
                DenseVector g = (DenseVector) grads[k];
                for (int i = 0; i < v.size(); i++) {
                    int at = i;
                    checked +=
                            checkEntry(
                                    () -> v.get(at),
                                    value -> v.set(at, value),
                                    g.get(i),
                                    () -> loss(p, x, y),
                                    "tensor " + k + " [" + i + "]");
                }
            }
        }
        // Embeddings are stored transposed (d × cardinality), so the perturbation above draws in
        // another order and leaves another set of ReLU units active than before.
        assertTrue(checked > 40, "too few non-zero gradients checked: " + checked);
    }

    /**
     * Compares one weight's analytic update (the negative gradient) with the central difference of
     * the loss, restoring the weight after; returns 1 when that gradient is non-zero.
     */
    private static int checkEntry(
            DoubleSupplier get,
            DoubleConsumer set,
            double analytic,
            DoubleSupplier loss,
            String where) {
        double eps = 1e-5;
        double keep = get.getAsDouble();
        set.accept(keep + eps);
        double up = loss.getAsDouble();
        set.accept(keep - eps);
        double down = loss.getAsDouble();
        set.accept(keep);
        double numeric = -(up - down) / (2 * eps);
        assertEquals(numeric, analytic, 1e-6, where);
        return numeric != 0.0 ? 1 : 0;
    }

    /** Binary cross-entropy summed over heads. */
    private static double loss(WideDeepParameters p, DenseVector x, double[] y) {
        DenseVector z = p.predict(x);
        double l = 0.0;
        for (int h = 0; h < y.length; h++) {
            double q = sigmoid(z.get(h));
            l -= y[h] * Math.log(q) + (1 - y[h]) * Math.log(1 - q);
        }
        return l;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}

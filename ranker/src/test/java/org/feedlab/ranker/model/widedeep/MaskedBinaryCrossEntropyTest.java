package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;

/** The masked loss on three heads worked out by hand: observed 1, unobserved, observed 0. */
class MaskedBinaryCrossEntropyTest {
    private static final double EPS = 1e-12;

    @Test
    void anUnobservedHeadAddsNoLossAndNoGradient() {
        MaskedBinaryCrossEntropy bce = new MaskedBinaryCrossEntropy();
        SGDVector truth = DenseVector.createDenseVector(new double[] {1.0, Double.NaN, 0.0});
        SGDVector logits = DenseVector.createDenseVector(new double[] {0.0, 5.0, -2.0});
        Pair<Double, SGDVector> out = bce.lossAndGradient(truth, logits);
        // Head 0: −log σ(0) = log 2. Head 2, label 0 at z = −2: −log(1 − σ(−2)) = log(1 + e^−2).
        assertEquals(Math.log(2) + Math.log1p(Math.exp(-2)), out.getA(), EPS);
        SGDVector gradient = out.getB();
        // The negative gradient y − σ(z): 1 − 1/2, nothing, 0 − σ(−2).
        assertEquals(0.5, gradient.get(0), EPS);
        assertEquals(0.0, gradient.get(1), EPS);
        assertEquals(-1.0 / (1.0 + Math.exp(2)), gradient.get(2), EPS);
        // A large positive logit with label 0: the loss is z + log(1 + e^−z), without overflow.
        Pair<Double, SGDVector> far =
                bce.lossAndGradient(
                        DenseVector.createDenseVector(new double[] {0.0}),
                        DenseVector.createDenseVector(new double[] {40.0}));
        assertEquals(40.0 + Math.log1p(Math.exp(-40)), far.getA(), EPS);
        // Label 1 away from z = 0: −log σ(z) = max(z, 0) − z + log(1 + e^−|z|), at z = 2 and −3.
        Pair<Double, SGDVector> ones =
                bce.lossAndGradient(
                        DenseVector.createDenseVector(new double[] {1.0, 1.0}),
                        DenseVector.createDenseVector(new double[] {2.0, -3.0}));
        assertEquals(Math.log1p(Math.exp(-2)) + 3.0 + Math.log1p(Math.exp(-3)), ones.getA(), EPS);
        assertEquals(1.0 / (1.0 + Math.exp(2)), ones.getB().get(0), EPS);
    }

    @Test
    void itIsAProbabilisticSigmoidObjective() {
        MaskedBinaryCrossEntropy bce = new MaskedBinaryCrossEntropy();
        assertTrue(bce.isProbabilistic());
        assertEquals(0.5, bce.threshold());
        assertEquals("MaskedBinaryCrossEntropy", bce.toString());
        assertEquals(0.5, bce.getNormalizer().normalize(new double[] {0.0})[0], EPS);
    }
}

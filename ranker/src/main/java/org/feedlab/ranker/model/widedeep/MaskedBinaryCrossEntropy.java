package org.feedlab.ranker.model.widedeep;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.util.SigmoidNormalizer;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.multilabel.sgd.MultiLabelObjective;

/**
 * Binary cross-entropy per head in which a NaN target means "not observed": that head adds no loss
 * and no gradient for the example. It lets the survey head learn only from impressions the user was
 * actually asked about, while the other heads learn from every impression.
 */
public final class MaskedBinaryCrossEntropy implements MultiLabelObjective {
    private static final VectorNormalizer NORMALIZER = new SigmoidNormalizer();

    public MaskedBinaryCrossEntropy() {}

    @Override
    public Pair<Double, SGDVector> lossAndGradient(SGDVector truth, SGDVector prediction) {
        DenseVector gradient = new DenseVector(prediction.size());
        double loss = 0.0;
        for (int i = 0; i < prediction.size(); i++) {
            double label = truth.get(i);
            if (Double.isNaN(label)) {
                continue;
            }
            double z = prediction.get(i);
            loss += Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z)));
            // Tribuo's objectives return the negative gradient.
            gradient.set(i, label - SigmoidNormalizer.sigmoid(z));
        }
        return new Pair<>(loss, gradient);
    }

    @Override
    public VectorNormalizer getNormalizer() {
        return NORMALIZER;
    }

    @Override
    public boolean isProbabilistic() {
        return true;
    }

    @Override
    public double threshold() {
        return 0.5;
    }

    @Override
    public String toString() {
        return "MaskedBinaryCrossEntropy";
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "MultiLabelObjective");
    }
}

package org.feedlab.ranker.model.widedeep;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.provenance.ModelProvenance;

/**
 * A trained multi-label wide&amp;deep model: one sigmoid head per label. Tribuo's {@code predict}
 * is the reference the compiled {@link WideDeepScorer} is tested against.
 */
public final class WideDeepModel extends AbstractSGDModel<MultiLabel> {
    private static final long serialVersionUID = 1L;

    private final VectorNormalizer normalizer;

    WideDeepModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<MultiLabel> outputIDInfo,
            WideDeepParameters parameters,
            VectorNormalizer normalizer) {
        super(name, provenance, featureIDMap, outputIDInfo, parameters, true, true);
        this.normalizer = normalizer;
    }

    @Override
    public Prediction<MultiLabel> predict(Example<MultiLabel> example) {
        PredAndActive pa = predictSingle(example);
        DenseVector outputs = pa.prediction;
        outputs.normalize(normalizer);
        Map<String, MultiLabel> full = new HashMap<>();
        Set<Label> predicted = new HashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            String name = outputIDInfo.getOutput(i).getLabelString();
            Label score = new Label(name, outputs.get(i));
            if (outputs.get(i) > 0.5) {
                predicted.add(score);
            }
            full.put(name, new MultiLabel(score));
        }
        return new Prediction<>(
                new MultiLabel(predicted), full, pa.numActiveFeatures - 1, example, true);
    }

    /** The trained weights (a copy). */
    WideDeepParameters parameters() {
        return (WideDeepParameters) modelParameters.copy();
    }

    /** Per head, the n wide features with the largest absolute weights. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        DenseMatrix wide = ((WideDeepParameters) modelParameters).wide();
        int limit = n < 0 ? featureIDMap.size() : n;
        Map<String, List<Pair<String, Double>>> top = new LinkedHashMap<>();
        for (int h = 0; h < outputIDInfo.size(); h++) {
            List<Pair<String, Double>> row = new ArrayList<>();
            for (int j = 0; j < featureIDMap.size(); j++) {
                row.add(new Pair<>(featureIDMap.get(j).getName(), wide.get(h, j)));
            }
            row.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.getB())));
            top.put(
                    outputIDInfo.getOutput(h).getLabelString(),
                    row.subList(0, Math.min(limit, row.size())));
        }
        return top;
    }

    @Override
    public Optional<Excuse<MultiLabel>> getExcuse(Example<MultiLabel> example) {
        return Optional.empty();
    }

    @Override
    protected WideDeepModel copy(String newName, ModelProvenance newProvenance) {
        return new WideDeepModel(
                newName,
                newProvenance,
                featureIDMap,
                outputIDInfo,
                (WideDeepParameters) modelParameters.copy(),
                normalizer);
    }
}

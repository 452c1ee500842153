package org.feedlab.bench;

import java.util.List;
import java.util.Map;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Scorer;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * Any Tribuo multi-label model seen through the {@link Scorer} interface, by calling its own {@code
 * predict} on each vector: slow and allocating, for evaluating models that have no compiled form
 * (the factorization-machine baseline of {@code feedlab bench models}); never for serving.
 */
public final class TribuoScorer implements Scorer {
    private static final MultiLabel UNKNOWN = new MultiLabelFactory().getUnknownOutput();

    private final Model<MultiLabel> model;
    private final List<String> featureNames;
    private final String[] names;
    private final List<String> headNames;

    public TribuoScorer(
            Model<MultiLabel> model, List<String> featureNames, List<String> headNames) {
        this.model = model;
        this.featureNames = List.copyOf(featureNames);
        this.names = featureNames.toArray(new String[0]);
        this.headNames = List.copyOf(headNames);
    }

    @Override
    public int features() {
        return names.length;
    }

    @Override
    public int heads() {
        return headNames.size();
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> headNames() {
        return headNames;
    }

    @Override
    public void predict(float[] x, double[] outProbabilities) {
        predictBatch(x, 1, outProbabilities);
    }

    @Override
    public void predictBatch(float[] xs, int n, double[] out) {
        int f = names.length;
        int[] columns = Datasets.allColumns(f);
        for (int i = 0; i < n; i++) {
            Prediction<MultiLabel> p =
                    model.predict(Datasets.example(UNKNOWN, xs, i * f, names, columns, "row " + i));
            Map<String, MultiLabel> scores = p.getOutputScores();
            for (int h = 0; h < headNames.size(); h++) {
                // Tribuo's multi-label SGD models wrap each head's probability in a one-label
                // MultiLabel whose own score is NaN: the probability is the label's score.
                MultiLabel s = scores.get(headNames.get(h));
                out[i * headNames.size() + h] =
                        s == null
                                ? 0.0
                                : s.getLabelScore(new Label(headNames.get(h))).orElse(Double.NaN);
            }
        }
    }

    /** Not shipped anywhere: this adapter exists for offline evaluation only. */
    @Override
    public byte[] toBytes() {
        throw new UnsupportedOperationException("a TribuoScorer is for evaluation only");
    }
}

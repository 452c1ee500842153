package org.feedlab.ranker.model.widedeep;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.ModelVersion;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.ProvenanceView;
import org.feedlab.ranker.model.TrainedModel;
import org.feedlab.ranker.model.TrainingExample;
import org.tribuo.ImmutableDataset;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;

/**
 * Trains a wide&amp;deep model version on a window of examples (warm-started from the previous
 * version) and compiles its {@link WideDeepScorer}: the closed loop's default model.
 *
 * <p>A pure function of (examples, order, configuration, seed), like the linear trainer: each call
 * builds a fresh Tribuo trainer from the seed.
 */
public final class WideDeepLearner {
    private final List<String> featureNames;
    private final int[] columns;
    private final List<String> heads;
    private final int epochs;
    private final double learningRate;
    private final int minibatch;
    private final int embeddingDim;
    private final int[] hidden;
    private final long seed;

    /**
     * @param featureNames the full vector's slot names (the scorer's input order)
     * @param columns the slots the model may use (telemetry mask applied), ascending
     * @param heads head names; {@link Heads#names()} turns on the survey mask
     */
    public WideDeepLearner(
            List<String> featureNames,
            int[] columns,
            List<String> heads,
            int epochs,
            double learningRate,
            int minibatch,
            int embeddingDim,
            List<Integer> hidden,
            long seed) {
        this.featureNames = List.copyOf(featureNames);
        this.columns = columns.clone();
        this.heads = List.copyOf(heads);
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.minibatch = minibatch;
        this.embeddingDim = embeddingDim;
        this.hidden = hidden.stream().mapToInt(Integer::intValue).toArray();
        this.seed = seed;
    }

    /** Trains a version; {@code warmStart} (may be null) seeds the weights when shapes agree. */
    public TrainedModel train(List<TrainingExample> examples, int version, TrainedModel warmStart) {
        String versionId = ModelVersion.label(version);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot train on an empty window");
        }
        boolean marker = heads.equals(Heads.names());
        ImmutableDataset<MultiLabel> dataset =
                Datasets.multiLabel(
                        examples,
                        featureNames,
                        columns,
                        heads,
                        marker,
                        "training window of model " + versionId);
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("model-version", new StringProvenance("model-version", versionId));
        WideDeepParameters previous =
                warmStart == null || warmStart.warmStart().length == 0
                        ? null
                        : WideDeepParameters.fromBytes(warmStart.warmStart());
        run.put(
                "warm-start",
                new StringProvenance(
                        "warm-start",
                        previous == null ? "none" : ModelVersion.label(warmStart.version())));
        WideDeepTrainer trainer =
                new WideDeepTrainer(
                        new AdaGrad(learningRate), epochs, minibatch, seed, embeddingDim, hidden);
        WideDeepModel model = trainer.train(dataset, run, previous);
        WideDeepScorer scorer = WideDeepScorer.compile(model, featureNames, heads);
        Map<String, String> provenance = new LinkedHashMap<>(ProvenanceView.flatten(model));
        provenance.put("trainer.embeddingDim", Integer.toString(embeddingDim));
        provenance.put("trainer.hiddenSizes", Arrays.toString(hidden));
        return new TrainedModel(
                version, model, scorer, model.parameters().toBytes(), provenance, examples.size());
    }

    /** Slots kept by a mask, as the column list this learner takes. */
    public static int[] columns(List<String> all, List<String> kept) {
        List<Integer> c = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            if (kept.contains(all.get(j))) {
                c.add(j);
            }
        }
        return c.stream().mapToInt(Integer::intValue).toArray();
    }
}

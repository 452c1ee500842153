package org.feedlab.ranker.model.widedeep;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.feedlab.ranker.model.Datasets;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.provenance.ModelProvenance;

/**
 * Trains a multi-label {@link WideDeepModel} with Tribuo's SGD loop: this class only fills the
 * hooks (targets, objective, parameters, model). Hyperparameters are OLCUT {@code @Config} fields,
 * so they appear in every model's provenance.
 *
 * <p>Labels: one head per label of the output domain. A label named {@code h?} is a marker that
 * head {@code h} was observed in that example; when the domain has a marker for {@code h}, an
 * example without the marker leaves {@code h} out of the loss (the survey head, asked on a few
 * impressions only, and the return head, observed where a session ended: {@link
 * org.feedlab.ranker.model.Heads}). Markers themselves are never trained.
 *
 * <p>Warm start: {@link #train(Dataset, Map, WideDeepModel)} starts from a previous model's weights
 * when its network has the same shape (same features, heads and sizes), otherwise from a seeded
 * random initialisation.
 */
public final class WideDeepTrainer
        extends AbstractSGDTrainer<MultiLabel, SGDVector, WideDeepModel, WideDeepParameters> {

    /** Suffix of a marker label saying that the head of the same name was observed. */
    public static final String OBSERVED_SUFFIX = Datasets.OBSERVED_SUFFIX;

    @Config(description = "Width of each categorical field's embedding.")
    private int embeddingDim = 8;

    @Config(description = "Widths of the MLP's hidden layers (ReLU).")
    private int[] hiddenSizes = {32, 16};

    private final MaskedBinaryCrossEntropy objective = new MaskedBinaryCrossEntropy();

    private Layout pendingLayout;
    private Dataset<MultiLabel> pendingData;
    private WideDeepParameters pendingWarmStart;

    /** For OLCUT configuration. */
    private WideDeepTrainer() {
        super(true);
    }

    /**
     * @param optimiser gradient optimiser (AdaGrad: Tribuo 4.3.2's Adam is broken)
     * @param epochs passes over the data per training
     * @param minibatchSize examples per update
     * @param seed seed of initialisation and shuffling
     * @param embeddingDim width of each categorical embedding
     * @param hiddenSizes widths of the hidden layers
     */
    public WideDeepTrainer(
            StochasticGradientOptimiser optimiser,
            int epochs,
            int minibatchSize,
            long seed,
            int embeddingDim,
            int[] hiddenSizes) {
        super(optimiser, epochs, -1, minibatchSize, seed, true);
        this.embeddingDim = embeddingDim;
        this.hiddenSizes = hiddenSizes.clone();
        postConfig();
    }

    @Override
    public synchronized void postConfig() {
        super.postConfig();
        if (epochs < 1) {
            throw new PropertyException("", "epochs", "epochs must be at least 1, got " + epochs);
        }
        if (minibatchSize < 1) {
            throw new PropertyException(
                    "", "minibatchSize", "minibatchSize must be at least 1, got " + minibatchSize);
        }
        if (embeddingDim < 1) {
            throw new PropertyException(
                    "", "embeddingDim", "embeddingDim must be at least 1, got " + embeddingDim);
        }
        if (hiddenSizes == null || hiddenSizes.length == 0) {
            throw new PropertyException("", "hiddenSizes", "at least one hidden layer is needed");
        }
        for (int h : hiddenSizes) {
            if (h < 1) {
                throw new PropertyException(
                        "", "hiddenSizes", "hidden layer widths must be at least 1, got " + h);
            }
        }
    }

    @Override
    public synchronized WideDeepModel train(
            Dataset<MultiLabel> examples,
            Map<String, Provenance> runProvenance,
            int invocationCount) {
        pendingLayout = Layout.of(examples.getFeatureIDMap());
        pendingData = examples;
        try {
            return super.train(examples, runProvenance, invocationCount);
        } finally {
            pendingLayout = null;
            pendingData = null;
            pendingWarmStart = null;
        }
    }

    /** Trains starting from {@code warmStart}'s weights when shapes allow (null: fresh start). */
    public synchronized WideDeepModel train(
            Dataset<MultiLabel> examples,
            Map<String, Provenance> runProvenance,
            WideDeepModel warmStart) {
        return train(examples, runProvenance, warmStart == null ? null : warmStart.parameters());
    }

    /** Trains starting from these weights when shapes allow (null: fresh start). */
    synchronized WideDeepModel train(
            Dataset<MultiLabel> examples,
            Map<String, Provenance> runProvenance,
            WideDeepParameters warmStart) {
        pendingWarmStart = warmStart;
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    protected SGDVector getTarget(ImmutableOutputInfo<MultiLabel> outputInfo, MultiLabel output) {
        Set<String> present = output.getNameSet();
        DenseVector target = new DenseVector(outputInfo.size());
        for (int id = 0; id < outputInfo.size(); id++) {
            String name = outputInfo.getOutput(id).getLabelString();
            double value;
            if (name.endsWith(OBSERVED_SUFFIX)) {
                value = Double.NaN;
            } else if (outputInfo.getID(new MultiLabel(name + OBSERVED_SUFFIX)) >= 0
                    && !present.contains(name + OBSERVED_SUFFIX)) {
                value = Double.NaN;
            } else {
                value = present.contains(name) ? 1.0 : 0.0;
            }
            target.set(id, value);
        }
        return target;
    }

    @Override
    protected SGDObjective<SGDVector> getObjective() {
        return objective;
    }

    @Override
    protected WideDeepModel createModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<MultiLabel> outputInfo,
            WideDeepParameters parameters) {
        parameters.setTraining(false);
        return new WideDeepModel(
                name, provenance, featureMap, outputInfo, parameters, objective.getNormalizer());
    }

    @Override
    protected String getModelClassName() {
        return WideDeepModel.class.getName();
    }

    @Override
    protected String getName() {
        return "wide-deep-multi-label";
    }

    @Override
    protected WideDeepParameters createParameters(
            int numFeatures, int numOutputs, SplittableRandom localRNG) {
        WideDeepParameters start;
        if (pendingWarmStart != null
                && pendingWarmStart.sameShape(
                        pendingLayout, numOutputs, embeddingDim, hiddenSizes)) {
            // Keeps the warm start's weights and its input standardisation.
            start = pendingWarmStart.copy();
        } else {
            start =
                    new WideDeepParameters(
                            pendingLayout,
                            numOutputs,
                            embeddingDim,
                            hiddenSizes,
                            InputScale.fit(pendingData, pendingLayout),
                            localRNG);
        }
        start.setTraining(true);
        return start;
    }

    @Override
    public String toString() {
        return "WideDeepTrainer(optimiser="
                + optimiser
                + ",epochs="
                + epochs
                + ",minibatchSize="
                + minibatchSize
                + ",seed="
                + seed
                + ",embeddingDim="
                + embeddingDim
                + ",hiddenSizes="
                + Arrays.toString(hiddenSizes)
                + ")";
    }
}

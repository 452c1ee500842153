package org.feedlab.ranker.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelModel;
import org.tribuo.multilabel.sgd.fm.FMMultiLabelTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;

/**
 * Trains the ranker's wide&amp;deep model and Tribuo's own multi-label linear SGD and
 * factorization-machine models on the same examples and features, and scores each per head on the
 * same held-out examples: the model comparison of {@code feedlab bench models}.
 */
public final class ModelComparison {
    /** Model names, in table order. */
    public static final List<String> MODELS = List.of("wide-deep", "linear", "fm");

    /** Width of the factorization machine's factors. */
    static final int FM_FACTORS = 8;

    /**
     * AdaGrad rate of the FM: with minibatch 1 and unscaled counters among the features, the
     * ranker's rate (0.1) makes the pairwise factors diverge to NaN.
     */
    static final double FM_LEARNING_RATE = 0.01;

    private ModelComparison() {}

    /**
     * Trains every model on {@code train} and scores it on {@code test}.
     *
     * @return per model name (in {@link #MODELS} order), its per-head scores
     */
    public static Map<String, Evaluation.HeadScore[]> compare(
            List<TrainingExample> train,
            List<TrainingExample> test,
            List<String> features,
            RankerConfig config,
            long seed) {
        List<String> heads = Heads.names();
        Map<String, Evaluation.HeadScore[]> out = new LinkedHashMap<>();
        TrainedModel deep =
                new WideDeepLearner(
                                features,
                                Datasets.allColumns(features.size()),
                                heads,
                                config.epochs(),
                                config.learningRate(),
                                config.minibatchSize(),
                                config.embeddingDim(),
                                config.hiddenSizes(),
                                seed)
                        .train(train, "bench-wide-deep", null);
        out.put("wide-deep", Evaluation.score(deep.scorer(), test));
        TrainedModel linear =
                new LinearTrainer(features, heads, config.epochs(), config.learningRate(), seed)
                        .train(train, "bench-linear", null);
        out.put("linear", Evaluation.score(linear.scorer(), test));
        // Minibatch 1: Tribuo 4.3.2's FMParameters.merge fails on sparse minibatches.
        FMMultiLabelTrainer fmTrainer =
                new FMMultiLabelTrainer(
                        new BinaryCrossEntropy(),
                        new AdaGrad(FM_LEARNING_RATE),
                        config.epochs(),
                        -1,
                        1,
                        seed,
                        FM_FACTORS,
                        0.1);
        FMMultiLabelModel fm =
                fmTrainer.train(
                        Datasets.multiLabel(
                                train,
                                features,
                                Datasets.allColumns(features.size()),
                                heads,
                                false,
                                "model comparison"));
        out.put("fm", Evaluation.score(new TribuoScorer(fm, features, heads), test));
        return out;
    }

}

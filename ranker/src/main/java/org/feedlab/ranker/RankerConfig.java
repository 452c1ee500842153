package org.feedlab.ranker;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.policy.Policies;

/**
 * Parameters of the platform's ranker. Defaults in {@link #defaults()}; a scenario file overrides
 * any subset.
 *
 * @param objective objective name: engagement, chronological or random
 * @param retrainEvery retrain the model every this many ticks
 * @param bootstrapTicks ticks ranked at random (exploration) before the first model
 * @param windowTicks sliding window of logged impressions the model is trained on
 * @param inNetworkCandidates most in-network posts retrieved per request
 * @param popularCandidates most out-of-network popular posts retrieved per request
 * @param maxAgeTicks oldest post age (in ticks) eligible as a candidate
 * @param epochs SGD epochs per retraining
 * @param learningRate AdaGrad initial learning rate
 * @param objectiveTerms researcher-declared weights and terms on top of the objective preset
 * @param policies policy stages applied after scoring, in order; each a mapping with a {@code type}
 *     and its parameters (see {@link org.feedlab.ranker.policy.Policies})
 * @param model the ranker's model: {@code wide-deep} (default) or {@code linear} (Tribuo's
 *     multi-label linear SGD)
 * @param embeddingDim wide&amp;deep: width of each categorical field's embedding
 * @param hiddenSizes wide&amp;deep: widths of the MLP's hidden layers (set by a model-capacity
 *     policy when there is one)
 * @param minibatchSize wide&amp;deep: examples per SGD update
 * @param withheldFeatureGroups feature groups the platform may not use (telemetry restriction),
 *     names of {@link org.feedlab.ranker.features.Feature.Group} in lower case
 * @param maxTrainingExamples most examples a retraining uses: a larger window is subsampled with a
 *     seeded draw (0 in a constructor call means the default)
 */
public record RankerConfig(
        String objective,
        int retrainEvery,
        int bootstrapTicks,
        int windowTicks,
        int inNetworkCandidates,
        int popularCandidates,
        int maxAgeTicks,
        int epochs,
        double learningRate,
        ObjectiveTerms objectiveTerms,
        List<Map<String, Object>> policies,
        String model,
        int embeddingDim,
        List<Integer> hiddenSizes,
        int minibatchSize,
        List<String> withheldFeatureGroups,
        int maxTrainingExamples)
        implements Serializable {

    /** Fills absent objective terms and policies, so consumers never null-check. */
    public RankerConfig {
        objectiveTerms = objectiveTerms == null ? ObjectiveTerms.none() : objectiveTerms;
        policies = policies == null ? new ArrayList<>() : new ArrayList<>(policies);
        model = model == null ? DEFAULT_MODEL : model;
        embeddingDim = embeddingDim == 0 ? DEFAULT_EMBEDDING_DIM : embeddingDim;
        hiddenSizes =
                hiddenSizes == null || hiddenSizes.isEmpty()
                        ? new ArrayList<>(DEFAULT_HIDDEN_SIZES)
                        : new ArrayList<>(hiddenSizes);
        minibatchSize = minibatchSize == 0 ? DEFAULT_MINIBATCH : minibatchSize;
        withheldFeatureGroups =
                withheldFeatureGroups == null
                        ? new ArrayList<>()
                        : new ArrayList<>(withheldFeatureGroups);
        // A telemetry-restriction policy withholds its groups from the model's feature space.
        withheldFeatureGroups = Policies.withWithheld(policies, withheldFeatureGroups);
        // A model-capacity policy sizes the wide&deep model to its latency budget.
        hiddenSizes = Policies.withCapacity(policies, model, hiddenSizes);
        maxTrainingExamples =
                maxTrainingExamples == 0 ? DEFAULT_MAX_TRAINING_EXAMPLES : maxTrainingExamples;
    }

    /** Default model of the closed loop. */
    public static final String DEFAULT_MODEL = "wide-deep";

    public static final int DEFAULT_EMBEDDING_DIM = 8;
    public static final List<Integer> DEFAULT_HIDDEN_SIZES = List.of(32, 16);
    public static final int DEFAULT_MINIBATCH = 16;
    public static final int DEFAULT_MAX_TRAINING_EXAMPLES = 10_000;

    /** A configuration with the default model settings. */
    public RankerConfig(
            String objective,
            int retrainEvery,
            int bootstrapTicks,
            int windowTicks,
            int inNetworkCandidates,
            int popularCandidates,
            int maxAgeTicks,
            int epochs,
            double learningRate,
            ObjectiveTerms objectiveTerms,
            List<Map<String, Object>> policies) {
        this(
                objective,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                inNetworkCandidates,
                popularCandidates,
                maxAgeTicks,
                epochs,
                learningRate,
                objectiveTerms,
                policies,
                null,
                0,
                null,
                0,
                null,
                0);
    }

    /** A configuration without objective terms or policies. */
    public RankerConfig(
            String objective,
            int retrainEvery,
            int bootstrapTicks,
            int windowTicks,
            int inNetworkCandidates,
            int popularCandidates,
            int maxAgeTicks,
            int epochs,
            double learningRate) {
        this(
                objective,
                retrainEvery,
                bootstrapTicks,
                windowTicks,
                inNetworkCandidates,
                popularCandidates,
                maxAgeTicks,
                epochs,
                learningRate,
                null,
                null);
    }

    /** Defaults used when a scenario leaves a field out. */
    public static RankerConfig defaults() {
        return new RankerConfig("engagement", 2, 2, 8, 200, 100, 3, 3, 0.03);
    }
}

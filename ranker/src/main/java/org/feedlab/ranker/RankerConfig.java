package org.feedlab.ranker;

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
        double learningRate)
        implements java.io.Serializable {

    /** Defaults used when a scenario leaves a field out. */
    public static RankerConfig defaults() {
        return new RankerConfig("engagement", 2, 2, 8, 200, 100, 3, 3, 0.1);
    }
}

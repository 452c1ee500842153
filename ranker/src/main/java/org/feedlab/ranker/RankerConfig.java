package org.feedlab.ranker;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.feedlab.ranker.policy.FeedPolicy;

/**
 * Parameters of the platform's ranker, grouped by concern; each group holds its own defaults. A
 * scenario's {@code ranker} section overrides any subset (the lab maps its flat keys onto these
 * records and parses the policies once).
 *
 * @param objective what orders ranked feeds
 * @param training how the model is learnt from the logs
 * @param retrieval which posts a request considers
 * @param model the model as declared (see {@link ModelResolution} for the one the trainer builds)
 * @param policies policy stages applied in this order (see {@link FeedPolicy})
 */
public record RankerConfig(
        ObjectiveConfig objective,
        TrainingConfig training,
        RetrievalConfig retrieval,
        ModelConfig model,
        List<FeedPolicy> policies)
        implements Serializable {

    public RankerConfig {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(model, "model");
        policies = List.copyOf(policies);
    }

    /** Every group at its defaults, no policy. */
    public static RankerConfig defaults() {
        return new RankerConfig(
                ObjectiveConfig.defaults(),
                TrainingConfig.defaults(),
                RetrievalConfig.defaults(),
                ModelConfig.defaults(),
                List.of());
    }

    /**
     * The objective in force: the configured one, changed by every policy that changes objectives
     * (weight caps), in declared order.
     */
    public Objective objectiveInForce() {
        Objective o = objective.build();
        for (FeedPolicy p : policies) {
            o = p.objective(o);
        }
        return o;
    }

    public RankerConfig withObjective(ObjectiveConfig v) {
        return new RankerConfig(v, training, retrieval, model, policies);
    }

    public RankerConfig withTraining(TrainingConfig v) {
        return new RankerConfig(objective, v, retrieval, model, policies);
    }

    public RankerConfig withRetrieval(RetrievalConfig v) {
        return new RankerConfig(objective, training, v, model, policies);
    }

    public RankerConfig withModel(ModelConfig v) {
        return new RankerConfig(objective, training, retrieval, v, policies);
    }

    public RankerConfig withPolicies(List<FeedPolicy> v) {
        return new RankerConfig(objective, training, retrieval, model, v);
    }
}

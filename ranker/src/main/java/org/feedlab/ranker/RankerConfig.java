package org.feedlab.ranker;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.feedlab.ranker.policy.FeedPolicy;

/**
 * Parameters of the platform's ranker, grouped by concern; each group holds its defaults in one
 * place ({@code DEFAULTS}) and has a {@code with…} copy method per field, so a variant reads {@code
 * config.withTraining(config.training().withEpochs(5))}. A scenario's {@code ranker} section
 * overrides any subset (the lab maps its flat keys onto these records and parses the policies
 * once).
 *
 * @param objective what orders ranked feeds
 * @param training how the model is learnt from the logs
 * @param retrieval which posts a request considers
 * @param model the model as declared (see {@link ModelResolution} for the one the trainer builds)
 * @param policies policy stages applied in this order (see {@link FeedPolicy})
 * @param oracle rank with the society's true probabilities instead of the model's: an upper bound
 *     that no platform can serve, since it reads the users' hidden state. The ranker only has the
 *     seam ({@link PredictionSource}); the source itself lives in the lab and runs on its direct
 *     engine only (docs/MODEL.md, "The oracle")
 */
public record RankerConfig(
        ObjectiveConfig objective,
        TrainingConfig training,
        RetrievalConfig retrieval,
        ModelConfig model,
        List<FeedPolicy> policies,
        boolean oracle)
        implements Serializable {

    public RankerConfig {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(model, "model");
        policies = List.copyOf(policies);
    }

    /** Every group at its defaults, no policy: what a scenario gets for the keys it leaves out. */
    public static final RankerConfig DEFAULTS =
            new RankerConfig(
                    ObjectiveConfig.DEFAULTS,
                    TrainingConfig.DEFAULTS,
                    RetrievalConfig.DEFAULTS,
                    ModelConfig.DEFAULTS,
                    List.of(),
                    false);

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
        return new RankerConfig(v, training, retrieval, model, policies, oracle);
    }

    public RankerConfig withTraining(TrainingConfig v) {
        return new RankerConfig(objective, v, retrieval, model, policies, oracle);
    }

    public RankerConfig withRetrieval(RetrievalConfig v) {
        return new RankerConfig(objective, training, v, model, policies, oracle);
    }

    public RankerConfig withModel(ModelConfig v) {
        return new RankerConfig(objective, training, retrieval, v, policies, oracle);
    }

    public RankerConfig withPolicies(List<FeedPolicy> v) {
        return new RankerConfig(objective, training, retrieval, model, v, oracle);
    }

    public RankerConfig withOracle(boolean v) {
        return new RankerConfig(objective, training, retrieval, model, policies, v);
    }
}

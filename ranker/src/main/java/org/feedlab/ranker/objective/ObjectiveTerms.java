package org.feedlab.ranker.objective;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The researcher-declared part of an objective: head weights that override the preset's, and the
 * optional terms added to Σ w_k·p_k. A scenario's {@code ranker.objective} mapping resolves to a
 * preset name plus these terms.
 *
 * @param weights weight per model head name (click, like, reshare, comment, hide, angry, dwell,
 *     survey), replacing the preset's weight of that head
 * @param outragePenalty subtracted as {@code outragePenalty · outrage} from every score
 * @param outrageSource what "outrage" means for the penalty and the cap: {@code classifier} (the
 *     platform's outrage-classifier score of the post) or {@code angry} (the model's predicted
 *     probability of an angry reaction)
 * @param diversityBonus added as {@code diversityBonus · |stance − leaning| / 2}, where leaning is
 *     the platform's estimate of the reader's leaning
 * @param outrageCap cap on the share of served impressions whose outrage score exceeds 0.5; 0 means
 *     no cap. With a cap, a Lagrange multiplier λ on outrage is adjusted once per tick
 * @param capStep step size η of the multiplier update λ ← max(0, λ + η·(served share − cap))
 */
public record ObjectiveTerms(
        Map<String, Double> weights,
        double outragePenalty,
        String outrageSource,
        double diversityBonus,
        double outrageCap,
        double capStep)
        implements Serializable {

    /** Outrage measured by the platform's outrage classifier. */
    public static final String CLASSIFIER = "classifier";

    /** Outrage measured by the model's angry head. */
    public static final String ANGRY = "angry";

    /** Copies the weights into an ordered map so equal terms print and compare equally. */
    public ObjectiveTerms {
        weights = weights == null ? new LinkedHashMap<>() : new LinkedHashMap<>(weights);
        outrageSource = outrageSource == null ? CLASSIFIER : outrageSource;
    }

    /** No extra terms: the preset alone. */
    public static ObjectiveTerms none() {
        return new ObjectiveTerms(new LinkedHashMap<>(), 0.0, CLASSIFIER, 0.0, 0.0, 20.0);
    }

    /** Whether the constrained (outrage-capped) variant is on. */
    public boolean capped() {
        return outrageCap > 0.0;
    }
}

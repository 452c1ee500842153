package org.feedlab.events;

import java.util.List;
import java.util.Locale;

/**
 * Why a served feed is ordered as it is: for each item, its score as the sum of the objective's and
 * the policies' terms, each head's prediction with its logit split into the wide and the deep part,
 * and the wide features that moved the weightiest head most. Published on {@link Topics#FEED_AUDIT}
 * (and written to a run's {@code feed-audit.jsonl}) for the users an audit samples; the same
 * explanation as {@code feedlab explain}.
 *
 * @param schema schema version
 * @param requestId the request the feed answered
 * @param userId the requesting user
 * @param tick the tick of the request
 * @param modelVersion version of the model that ranked the feed ({@link ModelVersion#NONE} for
 *     none)
 * @param kind the kind of feed
 * @param objective the objective that ordered the feed
 * @param items the feed's items, best first
 */
public record FeedAudit(
        int schema,
        long requestId,
        int userId,
        long tick,
        int modelVersion,
        FeedKind kind,
        String objective,
        List<Item> items) {

    public FeedAudit {
        items = List.copyOf(items);
    }

    /**
     * One served item.
     *
     * @param postId the post
     * @param score the score that ordered the feed
     * @param terms every additive term of the score, in the order they were added; they sum to
     *     {@code score} up to rounding
     * @param heads each head's prediction (empty when no model ranked the feed)
     * @param topHead the head whose weighted prediction weighs most ("" without a model)
     * @param topWide the wide features with the largest |contribution| to {@code topHead}'s logit
     */
    public record Item(
            long postId,
            double score,
            List<Term> terms,
            List<HeadPrediction> heads,
            String topHead,
            List<Contribution> topWide) {

        public Item {
            terms = List.copyOf(terms);
            heads = List.copyOf(heads);
            topWide = List.copyOf(topWide);
        }
    }

    /** Where a term of a score comes from. */
    public enum TermKind {
        /** A head's weight × its predicted probability. */
        HEAD,
        /** −outrage_penalty × outrage. */
        OUTRAGE_PENALTY,
        /** −λ × outrage, the Lagrangian term of an outrage cap. */
        OUTRAGE_CAP,
        /** diversity_bonus × |stance − leaning| / 2. */
        DIVERSITY_BONUS,
        /** The value a model-free order sorts by (post tick, a random draw, engagements, ...). */
        ORDER,
        /** A policy's adjustment of the score (outrage demotion). */
        POLICY;

        /** Lower-case name, as printed by {@code feedlab explain}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One additive term of an item's score.
     *
     * @param kind where the term comes from
     * @param name the head, the order, the policy type, or the kind's key
     * @param value what the term adds to the score
     */
    public record Term(TermKind kind, String name, double value) {}

    /**
     * One head of one item. The probability is σ(wide + deep).
     *
     * @param head head name
     * @param weight the objective's weight on the head
     * @param probability the head's predicted probability
     * @param wide the wide part of the logit (bias included)
     * @param deep the deep part of the logit (NaN for a model without one)
     */
    public record HeadPrediction(
            String head, double weight, double probability, double wide, double deep) {
        /** The head's term of the objective score. */
        public double contribution() {
            return weight * probability;
        }
    }

    /**
     * One wide feature's contribution to a head's logit.
     *
     * @param feature feature name
     * @param value the feature's value
     * @param logit weight × value
     */
    public record Contribution(String feature, double value, double logit) {}
}

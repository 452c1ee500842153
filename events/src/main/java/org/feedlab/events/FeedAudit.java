package org.feedlab.events;

import java.util.List;

/**
 * Why a served feed is ordered as it is: for each item, its score, each head's objective term
 * (weight × prediction) with the head's logit split into the wide and the deep part, and the wide
 * features that moved the weightiest head most. Published on {@link Topics#FEED_AUDIT} for the
 * users an audit samples; the same explanation as {@code feedlab explain}.
 *
 * @param schema schema version
 * @param requestId the request the feed answered
 * @param userId the requesting user
 * @param tick the tick of the request
 * @param modelVersion version id of the model that ranked the feed ("none" before the first)
 * @param objective the objective that ordered the feed
 * @param items the feed's items, best first
 */
public record FeedAudit(
        int schema,
        long requestId,
        int userId,
        long tick,
        String modelVersion,
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
     * @param terms per head (empty when no model ranked the feed)
     * @param topHead the head whose objective term weighs most ("" without a model)
     * @param topWide the wide features with the largest |contribution| to {@code topHead}'s logit
     */
    public record Item(
            long postId,
            double score,
            List<Term> terms,
            String topHead,
            List<Contribution> topWide) {}

    /**
     * One head of one item. The prediction is σ(wide + deep).
     *
     * @param head head name
     * @param weight the objective's weight on the head
     * @param prediction the head's predicted probability
     * @param wide the wide part of the logit (bias included)
     * @param deep the deep part of the logit (NaN for a model without one)
     */
    public record Term(String head, double weight, double prediction, double wide, double deep) {
        /** The head's term of the objective score. */
        public double contribution() {
            return weight * prediction;
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

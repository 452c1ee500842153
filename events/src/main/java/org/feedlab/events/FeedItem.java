package org.feedlab.events;

/**
 * One ranked item of a feed.
 *
 * @param postId the post
 * @param score the objective's score that ordered the feed
 * @param predictions the model's predicted probability per head, in {@link Head} order (empty when
 *     no model scored the feed)
 * @param inNetwork whether the author is followed by the requesting user
 * @param reshareFriction whether a reshare-friction policy asks the reader to confirm before
 *     resharing this item (a prompt the society reacts to)
 */
public record FeedItem(
        long postId,
        double score,
        double[] predictions,
        boolean inNetwork,
        boolean reshareFriction) {

    /** An item without a reshare-friction prompt. */
    public FeedItem(long postId, double score, double[] predictions, boolean inNetwork) {
        this(postId, score, predictions, inNetwork, false);
    }

    /** The same item with the reshare-friction prompt set as given. */
    public FeedItem withReshareFriction(boolean friction) {
        return new FeedItem(postId, score, predictions, inNetwork, friction);
    }
}

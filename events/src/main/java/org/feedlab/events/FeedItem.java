package org.feedlab.events;

/**
 * One ranked item of a feed.
 *
 * @param postId the post
 * @param score the objective's score that ordered the feed
 * @param predictions the model's predicted probability per action head, in {@link Action} order
 *     (empty when no model had been trained yet)
 * @param inNetwork whether the author is followed by the requesting user
 */
public record FeedItem(long postId, double score, double[] predictions, boolean inNetwork) {}

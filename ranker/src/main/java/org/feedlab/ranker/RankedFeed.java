package org.feedlab.ranker;

import org.feedlab.events.Feed;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.objective.ScoreBreakdown;

/**
 * A ranked feed with what ranked it, so it can be explained without ranking again.
 *
 * @param feed the feed served
 * @param scores the score breakdown of every candidate
 * @param served per item of the feed, the index of its candidate in {@code scores}
 * @param features the candidates' feature vectors, row after row (null when no model scored them)
 * @param scorer the model that scored them (null when none did)
 */
public record RankedFeed(
        Feed feed, ScoreBreakdown scores, int[] served, float[] features, Scorer scorer) {}

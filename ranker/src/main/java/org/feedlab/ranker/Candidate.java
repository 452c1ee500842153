package org.feedlab.ranker;

import org.feedlab.ranker.features.PostStats;

/**
 * A retrieved post and whether it came from the user's network.
 *
 * @param stats the post with the platform's counters
 * @param inNetwork whether the user follows the author
 */
public record Candidate(PostStats stats, boolean inNetwork) {}

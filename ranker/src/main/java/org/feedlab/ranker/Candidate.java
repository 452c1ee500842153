package org.feedlab.ranker;

import org.feedlab.ranker.features.PostStats;

/**
 * A retrieved post and whether it came from the user's network.
 *
 * @param post the post with its counters
 * @param inNetwork whether the user follows the author
 */
public record Candidate(PostStats post, boolean inNetwork) {}

package org.feedlab.simulator;

/**
 * The truth about a post, as the society knows it: the platform sees only the topic, stance and a
 * noisy outrage score.
 *
 * @param postId post id
 * @param authorId creator id
 * @param tick tick of publication
 * @param topic topic
 * @param stance stance in [-1, 1]
 * @param outrage true outrage in [0, 1]
 * @param animosity hostility toward the other side in [0, 1]
 * @param quality quality in [0, 1]
 */
public record Content(
        long postId,
        int authorId,
        long tick,
        int topic,
        double stance,
        double outrage,
        double animosity,
        double quality) {

    /** Which side the post speaks for: −1 or +1. */
    public int side() {
        return stance < 0 ? -1 : 1;
    }
}

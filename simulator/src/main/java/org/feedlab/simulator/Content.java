package org.feedlab.simulator;

/**
 * The truth about a post, as the society knows it: the platform sees only the topic, stance, the
 * parent link and a noisy outrage score. A reshare copies its parent's content under a new author.
 *
 * @param postId post id
 * @param authorId creator id, or the creator count plus the user id for a user's reshare
 * @param tick tick of publication
 * @param topic topic
 * @param stance stance in [-1, 1] on the first axis
 * @param outrage true outrage in [0, 1]
 * @param animosity hostility toward the other side in [0, 1]
 * @param quality quality in [0, 1]
 * @param parentPostId the post this one reshares, or -1
 * @param rootPostId the original post of the cascade (itself for an original)
 * @param depth reshare depth: 0 for an original, parent's depth + 1 for a reshare
 * @param extraStance stance on the further axes 2..d (empty when d = 1)
 */
public record Content(
        long postId,
        int authorId,
        long tick,
        int topic,
        double stance,
        double outrage,
        double animosity,
        double quality,
        long parentPostId,
        long rootPostId,
        int depth,
        double[] extraStance) {

    private static final double[] NONE = new double[0];

    /** An original post on the first axis only. */
    public Content(
            long postId,
            int authorId,
            long tick,
            int topic,
            double stance,
            double outrage,
            double animosity,
            double quality) {
        this(
                postId, authorId, tick, topic, stance, outrage, animosity, quality, -1, postId, 0,
                NONE);
    }

    /** Which side the post speaks for: −1 or +1. */
    public int side() {
        return stance < 0 ? -1 : 1;
    }

    /** Whether this post is a reshare. */
    public boolean isReshare() {
        return parentPostId >= 0;
    }

    /** The reshare of this content by another author, one level deeper in the cascade. */
    public Content reshare(long newPostId, int newAuthorId, long newTick) {
        return new Content(
                newPostId,
                newAuthorId,
                newTick,
                topic,
                stance,
                outrage,
                animosity,
                quality,
                postId,
                rootPostId,
                depth + 1,
                extraStance);
    }
}

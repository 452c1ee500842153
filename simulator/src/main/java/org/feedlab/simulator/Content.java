package org.feedlab.simulator;

/**
 * The truth about a post, as the society knows it. The platform sees only the topic, the stance,
 * the parent link and a noisy classifier score of the hostility ({@link Society#observe}). A
 * reshare copies its parent's content under a new author.
 *
 * <p>Topic {@link #POLITICS} (0) is politics: news and opinion with a side. Only political posts
 * have a stance, a camp and hostility; every other topic (entertainment, sports, hobbies, friends
 * and family, local news) has stance 0, camp 0 and hostility 0.
 *
 * @param postId post id
 * @param authorId account id: a creator id, or the creator count plus the user id
 * @param tick tick (day) of publication
 * @param topic topic, {@link #POLITICS} for politics
 * @param stance stance in [-1, 1] on the first axis; 0 for a non-political post
 * @param camp the side the post speaks for: the camp of its original author (−1 or +1), 0 for a
 *     non-political post
 * @param hostility out-group animosity in [0, 1]: how much the post attacks the other camp; 0 for a
 *     non-political post
 * @param quality quality in [0, 1]
 * @param untrustworthy whether the original author is an untrustworthy source
 * @param style latent style vector (the post's position in the space of users' tastes)
 * @param parentPostId the post this one reshares, or -1
 * @param rootPostId the original post of the cascade (itself for an original)
 * @param depth reshare depth: 0 for an original, parent's depth + 1 for a reshare
 * @param extraStance stance on the further axes 2..d (empty when d = 1 or not political)
 */
public record Content(
        long postId,
        int authorId,
        long tick,
        int topic,
        double stance,
        int camp,
        double hostility,
        double quality,
        boolean untrustworthy,
        double[] style,
        long parentPostId,
        long rootPostId,
        int depth,
        double[] extraStance) {

    /** The political topic. */
    public static final int POLITICS = 0;

    /** Hostility above which a post counts as hostile (the metrics' and the thermometer's AAPA). */
    public static final double HOSTILE = 0.5;

    /** Whether the post is political (topic 0). */
    public boolean political() {
        return topic == POLITICS;
    }

    /** Whether the post is hostile: political with hostility above {@link #HOSTILE}. */
    public boolean hostile() {
        return hostility > HOSTILE;
    }

    /** Whether this post is a reshare. */
    public boolean isReshare() {
        return parentPostId >= 0;
    }

    /**
     * This content under its post id: an original post is its own cascade's root, a reshare keeps
     * its root.
     */
    public Content withPostId(long id) {
        return copy(id, authorId, tick, parentPostId, isReshare() ? rootPostId : id, depth);
    }

    /** The reshare of this content by another author, one level deeper in the cascade. */
    public Content reshare(long newPostId, int newAuthorId, long newTick) {
        return copy(newPostId, newAuthorId, newTick, postId, rootPostId, depth + 1);
    }

    /** The same content (topic, stance, camp, hostility, quality, style) under a new identity. */
    private Content copy(long id, int author, long day, long parent, long root, int level) {
        return new Content(
                id,
                author,
                day,
                topic,
                stance,
                camp,
                hostility,
                quality,
                untrustworthy,
                style,
                parent,
                root,
                level,
                extraStance);
    }
}

package org.feedlab.events;

/**
 * A post as the platform sees it: author, topic, stance, and a noisy outrage-classifier score. The
 * true outrage, animosity and quality of the content stay in the society.
 *
 * @param postId unique, increasing post id
 * @param authorId creator id
 * @param tick tick of publication
 * @param topic topic index in [0, K)
 * @param stance the post's stance in [-1, 1] as a platform's stance classifier would read it
 * @param outrageScore a noisy outrage classifier score in [0, 1]
 * @param parentPostId the post this one reshares, or -1
 */
public record Post(
        int schema,
        long postId,
        int authorId,
        long tick,
        int topic,
        double stance,
        double outrageScore,
        long parentPostId)
        implements PlatformRecord {

    public static Post of(
            long postId,
            int authorId,
            long tick,
            int topic,
            double stance,
            double outrageScore,
            long parentPostId) {
        return new Post(
                SCHEMA_VERSION, postId, authorId, tick, topic, stance, outrageScore, parentPostId);
    }
}

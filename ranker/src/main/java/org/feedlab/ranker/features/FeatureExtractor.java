package org.feedlab.ranker.features;

import java.util.Arrays;
import org.feedlab.events.Action;
import org.feedlab.events.Post;

/**
 * Turns what the platform knows about a (user, post) pair at a tick into the dense vector of {@link
 * Feature}s. Pure: the same profile, post counters and tick give the same vector, which is what
 * lets the trainer rebuild exactly the features a scorer used.
 */
public final class FeatureExtractor {
    private FeatureExtractor() {}

    /**
     * Fills {@code out[offset .. offset + Feature.count())}: the numeric features, then the one-hot
     * fields and crosses of {@link FeatureSpace} (every slot is written, so buffers can be reused).
     *
     * @param viewer the user, their profile as of the start of the tick, the tick and the slot's
     *     session context
     * @param post the post and its counters as of the start of the tick
     * @param authorFollowers followers of the post's author known to the platform
     * @param inNetwork whether the user follows the author
     */
    public static void extract(
            Viewer viewer,
            PostStats post,
            int authorFollowers,
            boolean inNetwork,
            float[] out,
            int offset) {
        UserProfile user = viewer.profile();
        long tick = viewer.tick();
        Post p = post.post();
        double n = post.impressions();
        double leaning = user.leaning();
        // A post without a side (stance 0, not political) is never on the other side.
        boolean sameSide =
                leaning == 0.0
                        || p.stance() == 0.0
                        || Math.signum(leaning) == Math.signum(p.stance());
        double outrageAffinity = user.outrageRate(p.outrageScore());
        set(out, offset, Feature.OUTRAGE_SCORE, p.outrageScore());
        set(out, offset, Feature.STANCE_ABS, Math.abs(p.stance()));
        set(out, offset, Feature.LOG_IMPRESSIONS, Math.log1p(n));
        set(out, offset, Feature.CLICK_RATE, smoothed(post.actions(Action.CLICK), n, 0.3));
        set(out, offset, Feature.LIKE_RATE, smoothed(post.actions(Action.LIKE), n, 0.1));
        set(out, offset, Feature.RESHARE_RATE, smoothed(post.actions(Action.RESHARE), n, 0.03));
        set(out, offset, Feature.COMMENT_RATE, smoothed(post.actions(Action.COMMENT), n, 0.03));
        set(out, offset, Feature.HIDE_RATE, smoothed(post.actions(Action.HIDE), n, 0.02));
        set(out, offset, Feature.AGE, Math.max(0, tick - p.tick()));
        set(out, offset, Feature.LOG_AUTHOR_FOLLOWERS, Math.log1p(authorFollowers) / 5.0);
        set(out, offset, Feature.IS_RESHARE, p.parentPostId() >= 0 ? 1.0 : 0.0);
        set(out, offset, Feature.IN_NETWORK, inNetwork ? 1.0 : 0.0);
        set(out, offset, Feature.USER_ENGAGEMENT_RATE, user.engagementRate());
        set(out, offset, Feature.USER_LOG_SESSIONS, Math.log1p(user.sessions()));
        set(out, offset, Feature.TOPIC_AFFINITY, user.topicRate(p.topic()));
        set(out, offset, Feature.STANCE_AFFINITY, user.stanceRate(p.stance()));
        set(out, offset, Feature.OUTRAGE_AFFINITY, outrageAffinity);
        set(out, offset, Feature.STANCE_DISTANCE, Math.abs(leaning - p.stance()) / 2.0);
        set(out, offset, Feature.SAME_SIDE, sameSide ? 1.0 : 0.0);
        set(out, offset, Feature.OUTGROUP_OUTRAGE, sameSide ? 0.0 : p.outrageScore());
        set(out, offset, Feature.OUTRAGE_X_AFFINITY, p.outrageScore() * outrageAffinity);
        long age = Math.max(0, tick - p.tick());
        set(out, offset, Feature.AUTHOR_AFFINITY, user.authorRate(p.authorId()));
        set(out, offset, Feature.ENGAGEMENT_VELOCITY, Math.log1p(post.engagements() / (age + 1.0)));
        long last = user.lastSessionTick();
        set(out, offset, Feature.RECENCY, last < 0 ? 1.0 : Math.min(tick - last, 10) / 10.0);
        int topic = Math.floorMod(p.topic(), FeatureSpace.TOPIC_SLOTS);
        int stanceBucket = Buckets.stance(p.stance());
        int outrageBucket = Buckets.outrage(p.outrageScore());
        int leaningBucket = Buckets.stance(leaning);
        clear(out, offset, FeatureSpace.POST_TOPIC.offset(), Feature.count());
        oneHot(out, offset, FeatureSpace.POST_TOPIC, topic);
        oneHot(out, offset, FeatureSpace.POST_STANCE_BUCKET, stanceBucket);
        oneHot(out, offset, FeatureSpace.POST_OUTRAGE_BUCKET, outrageBucket);
        oneHot(out, offset, FeatureSpace.USER_LEANING_BUCKET, leaningBucket);
        oneHot(
                out,
                offset,
                FeatureSpace.LEANING_X_STANCE,
                leaningBucket * Buckets.STANCE + stanceBucket);
        int top = user.topTopic();
        out[offset + FeatureSpace.TOPIC_MATCH.offset()] =
                top >= 0 && Math.floorMod(top, FeatureSpace.TOPIC_SLOTS) == topic ? 1f : 0f;
        out[offset + FeatureSpace.OUTRAGE_X_RATE.offset() + outrageBucket] =
                (float) outrageAffinity;
        hashed(out, offset, FeatureSpace.USER_ID, 0, viewer.userId());
        hashed(out, offset, FeatureSpace.AUTHOR_ID, 0, p.authorId());
        history(user, out, offset);
        SessionContext s = viewer.session();
        set(out, offset, Feature.SESSION_POSITION, Math.log1p(s.position()));
        set(out, offset, Feature.SESSION_INDEX, s.session());
        set(out, offset, Feature.SESSION_ITEMS, Math.log1p(s.itemsSeen()));
        set(out, offset, Feature.SESSION_OUTRAGE, s.outrageSeen());
    }

    /**
     * The recent interaction sequence, pooled: its authors as hashed slots (sum pooling of their
     * embeddings), its topics as a mean-pooled one-hot, the mean stance, |stance| and outrage score
     * of its items, and the share of items with each action. Zero when it is empty.
     */
    private static void history(UserProfile user, float[] out, int offset) {
        int n = user.historySize();
        double stance = 0.0;
        double stanceAbs = 0.0;
        double outrage = 0.0;
        for (int i = 0; i < n; i++) {
            hashed(out, offset, FeatureSpace.HISTORY_AUTHORS, i, user.historyAuthor(i));
            int topic = Math.floorMod(user.historyTopic(i), FeatureSpace.TOPIC_SLOTS);
            out[offset + FeatureSpace.HISTORY_TOPICS.offset() + topic] += (float) (1.0 / n);
            stance += user.historyStance(i);
            stanceAbs += Math.abs(user.historyStance(i));
            outrage += user.historyOutrage(i);
        }
        double scale = n == 0 ? 0.0 : 1.0 / n;
        set(out, offset, Feature.HISTORY_LENGTH, n / (double) FeatureSpace.HISTORY);
        set(out, offset, Feature.HISTORY_STANCE, stance * scale);
        set(out, offset, Feature.HISTORY_STANCE_ABS, stanceAbs * scale);
        set(out, offset, Feature.HISTORY_OUTRAGE, outrage * scale);
        for (int a = 0; a < Feature.HISTORY_ACTIONS.length; a++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                count += (user.historyActions(i) >>> a) & 1;
            }
            set(out, offset, Feature.HISTORY_ACTIONS[a], count * scale);
        }
    }

    /** Slot k of a hashed field: 1 + the id's bucket (0 means absent). */
    private static void hashed(float[] out, int offset, FeatureSpace.Field field, int k, long id) {
        out[offset + field.offset() + k] = 1f + FeatureSpace.bucket(field, id);
    }

    private static void clear(float[] out, int offset, int from, int to) {
        Arrays.fill(out, offset + from, offset + to, 0f);
    }

    private static void oneHot(float[] out, int offset, FeatureSpace.Field field, int k) {
        out[offset + field.offset() + k] = 1f;
    }

    private static double smoothed(int hits, double trials, double prior) {
        return (hits + 5.0 * prior) / (trials + 5.0);
    }

    private static void set(float[] out, int offset, Feature f, double value) {
        out[offset + f.ordinal()] = (float) value;
    }
}

package org.feedlab.ranker.serving;

import java.util.function.IntPredicate;
import org.feedlab.events.Seeds;

/**
 * Which users' served feeds are explained ({@link org.feedlab.events.FeedAudit}), and how many wide
 * features each explained item lists.
 */
public final class Audit {
    /** Wide features an audit lists per item. */
    public static final int TOP_FEATURES = 5;

    private final IntPredicate users;
    private final int topFeatures;

    private Audit(IntPredicate users, int topFeatures) {
        this.users = users;
        this.topFeatures = topFeatures;
    }

    /** No audit. */
    public static Audit none() {
        return new Audit(user -> false, TOP_FEATURES);
    }

    /**
     * A seeded sample: a user is audited when their own draw (purpose "audit") is below {@code
     * share}, so the sample is the same on every run with this seed and share, in every engine and
     * at every parallelism.
     */
    public static Audit sample(long runSeed, double share) {
        return new Audit(
                user -> share > 0.0 && Seeds.derive(runSeed, user, 0, "audit").nextDouble() < share,
                TOP_FEATURES);
    }

    /**
     * One user's feeds, with {@code topFeatures} wide features per item ({@code feedlab explain}).
     */
    public static Audit of(int userId, int topFeatures) {
        return new Audit(user -> user == userId, topFeatures);
    }

    /** Whether this user's feeds are explained. */
    public boolean includes(int userId) {
        return users.test(userId);
    }

    public int topFeatures() {
        return topFeatures;
    }
}

package org.feedlab.events;

/**
 * What a readable record must also satisfy before the platform uses it: finite numbers in their
 * ranges, and ids, ticks and positions that are not negative. JSON readers turn a string "NaN" into
 * a double without complaint, so this is where such a value is caught.
 */
public final class RecordChecks {
    private RecordChecks() {}

    /** Why the record is unusable, or null when it is fine. */
    public static String problem(PlatformRecord record) {
        if (record.tick() < 0) {
            return "tick " + record.tick() + " is negative";
        }
        if (record instanceof Post p) {
            return post(p);
        }
        if (record instanceof FeedRequest r) {
            return request(r);
        }
        if (record instanceof Impression i) {
            return impression(i);
        }
        if (record instanceof TickEnd e && e.partition() < 0) {
            return "partition " + e.partition() + " is negative";
        }
        return null;
    }

    private static String post(Post p) {
        if (p.postId() < 0 || p.authorId() < 0 || p.topic() < 0 || p.parentPostId() < -1) {
            return "negative id in post " + p.postId();
        }
        if (!inRange(p.stance(), -1.0, 1.0)) {
            return "stance " + p.stance() + " outside [-1, 1]";
        }
        if (!inRange(p.outrageScore(), 0.0, 1.0)) {
            return "outrage score " + p.outrageScore() + " outside [0, 1]";
        }
        return null;
    }

    private static String request(FeedRequest r) {
        if (r.requestId() < 0 || r.userId() < 0) {
            return "negative id in request " + r.requestId();
        }
        if (r.following() == null || r.segment() == null) {
            return "request " + r.requestId() + " without a follow list or segment";
        }
        for (int account : r.following()) {
            if (account < 0) {
                return "negative account id " + account + " in a follow list";
            }
        }
        if (r.feedSize() < 1) {
            return "feed size " + r.feedSize() + " is below 1";
        }
        return null;
    }

    private static String impression(Impression i) {
        if (i.requestId() < 0 || i.userId() < 0 || i.postId() < 0 || i.position() < 0) {
            return "negative id or position in an impression of request " + i.requestId();
        }
        if (i.actions() < 0 || i.actions() >= 1 << Action.values().length) {
            return "action bits " + i.actions() + " name no action";
        }
        if (!inRange(i.dwell(), 0.0, Double.MAX_VALUE)) {
            return "dwell " + i.dwell() + " is not a finite, non-negative number";
        }
        return null;
    }

    /** Whether v is a number in [low, high] (false for NaN and the infinities). */
    private static boolean inRange(double v, double low, double high) {
        return v >= low && v <= high;
    }
}

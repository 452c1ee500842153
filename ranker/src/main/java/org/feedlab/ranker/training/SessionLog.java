package org.feedlab.ranker.training;

import org.feedlab.events.Impression;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.SessionContext;

/**
 * Reads the session context of each logged impression off the log itself: logs arrive sorted by
 * user, request and position ({@link org.feedlab.ranker.features.UserProfile#LOG_ORDER}), so the
 * items and outrage seen earlier in a session are the impressions of the same request and session
 * before it. Fed one impression at a time, in log order.
 */
final class SessionLog {
    private long request = Long.MIN_VALUE;
    private int session = -1;
    private int items;
    private double outrage;

    /** Whether two impressions were seen in the same session of the same request. */
    static boolean sameSession(Impression a, Impression b) {
        return a.requestId() == b.requestId() && sessionOf(a) == sessionOf(b);
    }

    /** The session (visit) of the day an impression was seen in. */
    static int sessionOf(Impression impression) {
        return impression.session();
    }

    /**
     * The context of the next impression in log order; then counts it as seen (its outrage score
     * only when the platform still knows its post).
     */
    SessionContext next(Impression impression, PostStats post) {
        int s = sessionOf(impression);
        if (impression.requestId() != request || s != session) {
            request = impression.requestId();
            session = s;
            items = 0;
            outrage = 0.0;
        }
        SessionContext context = new SessionContext(impression.position(), s, items, outrage);
        items++;
        outrage += post == null ? 0.0 : post.post().outrageScore();
        return context;
    }
}

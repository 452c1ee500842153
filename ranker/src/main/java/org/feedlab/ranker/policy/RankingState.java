package org.feedlab.ranker.policy;

import java.util.Comparator;
import java.util.List;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.objective.ScoreBreakdown;

/**
 * One request on its way through the ranker, as the policy stages see and change it. Mutable on
 * purpose: stages run in the declared order and each sees what the earlier ones did.
 */
public final class RankingState {
    public final FeedRequest request;
    public final UserProfile user;
    public final TickContext context;
    public final long runSeed;

    /** The kind of feed this user gets; audience stages may change it. */
    public FeedKind kind = FeedKind.RANKED;

    /** Candidates, after retrieval and candidate stages. */
    public List<Candidate> candidates;

    /** Predictions per candidate (empty rows when no model was used). */
    public double[][] predictions;

    /** Score per candidate, term by term; score stages add their adjustments to it. */
    public ScoreBreakdown scores;

    /** Candidate indices of the feed, best first (set after ordering and the cut). */
    public int[] selected;

    /** Whether each candidate carries a reshare-friction prompt. */
    public boolean[] friction;

    /** Whether the feed carries a session nudge. */
    public boolean nudge;

    /** Most items the feed may hold (a session time limit), or 0 for no limit. */
    public int itemLimit;

    public RankingState(FeedRequest request, UserProfile user, TickContext context, long runSeed) {
        this.request = request;
        this.user = user;
        this.context = context;
        this.runSeed = runSeed;
    }

    /** Best first: higher score, then higher (newer) post id, so order never depends on arrival. */
    public Comparator<Integer> order() {
        return (a, b) -> {
            int c = Double.compare(scores.total(b), scores.total(a));
            if (c != 0) {
                return c;
            }
            return Long.compare(
                    candidates.get(b).stats().post().postId(),
                    candidates.get(a).stats().post().postId());
        };
    }
}

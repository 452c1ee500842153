package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.feedlab.events.FeedRequest;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.UserProfile;

/**
 * Candidate retrieval: the newest unseen posts of followed authors, plus the most engaged-with
 * unseen posts from outside the user's network, among posts at most {@code maxAgeTicks} old.
 */
public final class CandidateRetriever {
    private static final Comparator<PostStats> NEWEST_FIRST =
            Comparator.comparingLong((PostStats s) -> s.post().tick())
                    .thenComparingLong(s -> s.post().postId())
                    .reversed();
    private static final Comparator<PostStats> MOST_ENGAGED_FIRST =
            Comparator.comparingInt(PostStats::engagements)
                    .thenComparingLong(s -> s.post().postId())
                    .reversed();

    private CandidateRetriever() {}

    /** In-network candidates first (newest first), then out-of-network (most engaged first). */
    public static List<Candidate> retrieve(
            FeedRequest request, UserProfile user, TickContext context, RankerConfig config) {
        int[] following = request.following().clone();
        Arrays.sort(following);
        long oldest = request.tick() - config.maxAgeTicks();
        List<PostStats> inNetwork = new ArrayList<>();
        List<PostStats> outOfNetwork = new ArrayList<>();
        for (PostStats s : context.posts()) {
            long t = s.post().tick();
            if (t < oldest || t > request.tick() || user.hasSeen(s.post().postId())) {
                continue;
            }
            if (Arrays.binarySearch(following, s.post().authorId()) >= 0) {
                inNetwork.add(s);
            } else {
                outOfNetwork.add(s);
            }
        }
        inNetwork.sort(NEWEST_FIRST);
        outOfNetwork.sort(MOST_ENGAGED_FIRST);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(config.inNetworkCandidates(), inNetwork.size()); i++) {
            out.add(new Candidate(inNetwork.get(i), true));
        }
        for (int i = 0; i < Math.min(config.popularCandidates(), outOfNetwork.size()); i++) {
            out.add(new Candidate(outOfNetwork.get(i), false));
        }
        return out;
    }
}

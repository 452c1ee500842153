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
 *
 * <p>Uses the context's per-author index and its once-per-tick popularity order, so a request costs
 * O(posts of followed authors + popular posts skipped) rather than O(all posts); the result is the
 * same as filtering every post and sorting, because both orders are total.
 */
public final class CandidateRetriever {
    private static final Comparator<PostStats> NEWEST_FIRST =
            Comparator.comparingLong((PostStats s) -> s.post().tick())
                    .thenComparingLong(s -> s.post().postId())
                    .reversed();

    private CandidateRetriever() {}

    /** In-network candidates first (newest first), then out-of-network (most engaged first). */
    public static List<Candidate> retrieve(
            FeedRequest request, UserProfile user, TickContext context, RetrievalConfig config) {
        return retrieve(request, user, context, config, true);
    }

    /**
     * As {@link #retrieve(FeedRequest, UserProfile, TickContext, RetrievalConfig)}, leaving out the
     * out-of-network part when {@code outOfNetwork} is false.
     */
    public static List<Candidate> retrieve(
            FeedRequest request,
            UserProfile user,
            TickContext context,
            RetrievalConfig config,
            boolean outOfNetwork) {
        int[] following = request.following().clone();
        Arrays.sort(following);
        long oldest = request.tick() - config.maxAgeTicks();
        List<PostStats> posts = context.posts();
        List<PostStats> inNetwork = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (int author : following) {
            if (author == previous) {
                continue;
            }
            previous = author;
            for (int i : context.postsOf(author)) {
                PostStats s = posts.get(i);
                if (eligible(s, oldest, request.tick(), user)) {
                    inNetwork.add(s);
                }
            }
        }
        inNetwork.sort(NEWEST_FIRST);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(config.inNetworkCandidates(), inNetwork.size()); i++) {
            out.add(new Candidate(inNetwork.get(i), true));
        }
        int wanted = outOfNetwork ? config.popularCandidates() : 0;
        if (wanted > 0) {
            int taken = 0;
            for (int i : context.popularOrder()) {
                PostStats s = posts.get(i);
                if (eligible(s, oldest, request.tick(), user)
                        && Arrays.binarySearch(following, s.post().authorId()) < 0) {
                    out.add(new Candidate(s, false));
                    if (++taken == wanted) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean eligible(PostStats s, long oldest, long tick, UserProfile user) {
        long t = s.post().tick();
        return t >= oldest && t <= tick && !user.hasSeen(s.post().postId());
    }
}

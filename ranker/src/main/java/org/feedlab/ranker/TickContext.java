package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.feedlab.events.ModelVersion;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.objective.PlatformSignals;

/**
 * Everything global a scorer needs to rank the requests of one tick: the model designated for the
 * tick and a snapshot of the post index (posts with counters, follower counts) as of the end of the
 * previous tick's logs. A request of tick t is ranked only with the context of tick t.
 *
 * <p>A plain class with public fields so Flink can ship it in broadcast state.
 */
public final class TickContext {
    /** The tick this context ranks. */
    public long tick;

    /** Version of the model, or {@link ModelVersion#NONE}. */
    public int modelVersion;

    /** Compiled scorer of that model, or null before the first model. */
    public Scorer scorer;

    /** Indexed posts with counters, ascending by post id. */
    public ArrayList<PostStats> posts;

    /** Followers per author known to the platform. */
    public HashMap<Integer, Integer> followers;

    /** Objective state fitted by the platform replay (bridging intercepts, outrage multiplier). */
    public PlatformSignals signals = new PlatformSignals();

    // The lookups below are built once, on first use, and then only read: volatile, so that the
    // threads serving one tick's users may share a context (DirectPlatform).
    private transient volatile long[] ids;

    /** Post indices per author, ascending by post id; built on first use. */
    private transient volatile HashMap<Integer, int[]> byAuthor;

    /** All post indices, most engaged first (ties: higher post id first); built on first use. */
    private transient volatile int[] popularOrder;

    public TickContext() {}

    public TickContext(
            long tick,
            int modelVersion,
            Scorer scorer,
            ArrayList<PostStats> posts,
            HashMap<Integer, Integer> followers) {
        this.tick = tick;
        this.modelVersion = modelVersion;
        this.scorer = scorer;
        this.posts = posts;
        this.followers = followers;
    }

    /** The post with counters, or null when it is not in the snapshot. */
    public PostStats post(long postId) {
        long[] index = ids;
        if (index == null) {
            index = ids();
        }
        int i = Arrays.binarySearch(index, postId);
        return i < 0 ? null : posts.get(i);
    }

    private synchronized long[] ids() {
        if (ids == null) {
            long[] index = new long[posts.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = posts.get(i).post().postId();
            }
            ids = index;
        }
        return ids;
    }

    /**
     * Indices into {@link #posts()} of one author's posts, ascending by post id (newest last), so
     * candidate retrieval visits only the followed authors' posts.
     */
    public int[] postsOf(int authorId) {
        HashMap<Integer, int[]> index = byAuthor;
        if (index == null) {
            index = byAuthor();
        }
        int[] found = index.get(authorId);
        return found == null ? EMPTY : found;
    }

    private synchronized HashMap<Integer, int[]> byAuthor() {
        if (byAuthor == null) {
            HashMap<Integer, int[]> counts = new HashMap<>();
            for (PostStats s : posts) {
                counts.computeIfAbsent(s.post().authorId(), a -> new int[1])[0]++;
            }
            HashMap<Integer, int[]> index = new HashMap<>();
            HashMap<Integer, int[]> fill = new HashMap<>();
            for (var e : counts.entrySet()) {
                index.put(e.getKey(), new int[e.getValue()[0]]);
                fill.put(e.getKey(), new int[1]);
            }
            for (int i = 0; i < posts.size(); i++) {
                int a = posts.get(i).post().authorId();
                index.get(a)[fill.get(a)[0]++] = i;
            }
            byAuthor = index;
        }
        return byAuthor;
    }

    /**
     * Indices into {@link #posts()} ordered by engagements, most first, ties broken by the higher
     * post id: the order out-of-network retrieval takes candidates in, computed once per tick
     * instead of once per request.
     */
    public int[] popularOrder() {
        int[] order = popularOrder;
        return order != null ? order : buildPopularOrder();
    }

    private synchronized int[] buildPopularOrder() {
        if (popularOrder == null) {
            Integer[] order = new Integer[posts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    (a, b) -> {
                        int c =
                                Integer.compare(
                                        posts.get(b).engagements(), posts.get(a).engagements());
                        return c != 0
                                ? c
                                : Long.compare(
                                        posts.get(b).post().postId(), posts.get(a).post().postId());
                    });
            int[] out = new int[order.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            popularOrder = out;
        }
        return popularOrder;
    }

    private static final int[] EMPTY = new int[0];

    public int followers(int authorId) {
        return followers.getOrDefault(authorId, 0);
    }

    public List<PostStats> posts() {
        return posts;
    }
}

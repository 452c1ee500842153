package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.model.Scorer;

/**
 * Everything global a scorer needs to rank the requests of one tick: the model designated for the
 * tick and a snapshot of the post index (posts with counters, follower counts) as of the end of
 * the previous tick's logs. A request of tick t is ranked only with the context of tick t.
 *
 * <p>A plain class with public fields so Flink can ship it in broadcast state.
 */
public final class TickContext {
    /** The tick this context ranks. */
    public long tick;
    /** Version id of the model, or {@link #NO_MODEL}. */
    public String modelVersion;
    /** Compiled scorer of that model, or null before the first model. */
    public Scorer scorer;
    /** Indexed posts with counters, ascending by post id. */
    public ArrayList<PostStats> posts;
    /** Followers per author known to the platform. */
    public HashMap<Integer, Integer> followers;

    /** Version stamped on feeds ranked before any model exists. */
    public static final String NO_MODEL = "none";

    private transient long[] ids;

    public TickContext() {}

    public TickContext(
            long tick,
            String modelVersion,
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
        if (ids == null) {
            long[] index = new long[posts.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = posts.get(i).post().postId();
            }
            ids = index;
        }
        int i = Arrays.binarySearch(ids, postId);
        return i < 0 ? null : posts.get(i);
    }

    public int followers(int authorId) {
        return followers.getOrDefault(authorId, 0);
    }

    public List<PostStats> posts() {
        return posts;
    }
}

package org.feedlab.ranker.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.state.StateIO;

/**
 * The platform's index of recent posts with their counters, and the follower counts it knows from
 * the follow lists that arrive with feed requests.
 */
public final class PostIndex {
    private final TreeMap<Long, PostStats> posts = new TreeMap<>();
    private final Map<Integer, int[]> followingByUser = new HashMap<>();
    private final Map<Integer, Integer> followers = new HashMap<>();

    public void addPost(Post post) {
        posts.putIfAbsent(post.postId(), new PostStats(post));
    }

    /** The post with its counters, or null if unknown or pruned. */
    public PostStats get(long postId) {
        return posts.get(postId);
    }

    /** Counts an impression on its post; impressions of pruned posts only count for the user. */
    public void applyImpression(Impression impression) {
        PostStats stats = posts.get(impression.postId());
        if (stats != null) {
            stats.apply(impression);
        }
    }

    /** Records the user's current follow list and updates authors' follower counts. */
    public void applyRequest(FeedRequest request) {
        int[] previous = followingByUser.put(request.userId(), request.following().clone());
        if (previous != null) {
            for (int author : previous) {
                followers.merge(author, -1, Integer::sum);
            }
        }
        for (int author : request.following()) {
            followers.merge(author, 1, Integer::sum);
        }
    }

    /** The follow list the user last sent, or an empty array. */
    public int[] following(int userId) {
        int[] f = followingByUser.get(userId);
        return f == null ? new int[0] : f;
    }

    public int followers(int authorId) {
        return followers.getOrDefault(authorId, 0);
    }

    /** Drops posts published before a tick. */
    public void pruneBefore(long tick) {
        posts.values().removeIf(s -> s.post().tick() < tick);
    }

    /** Copies of all indexed posts, ascending by id, for a tick's snapshot. */
    public ArrayList<PostStats> snapshot() {
        ArrayList<PostStats> copy = new ArrayList<>(posts.size());
        for (PostStats s : posts.values()) {
            copy.add(s.copy());
        }
        return copy;
    }

    /** Copy of the follower counts. */
    public HashMap<Integer, Integer> followerCounts() {
        return new HashMap<>(followers);
    }

    /** Writes the posts with their counters and the follow lists (the checkpoint form). */
    public void writeTo(DataOutput out) throws IOException {
        StateIO.writeMap(out, posts, DataOutput::writeLong, (o, s) -> s.writeTo(o));
        StateIO.writeMap(out, followingByUser, DataOutput::writeInt, StateIO::writeInts);
        StateIO.writeMap(out, followers, DataOutput::writeInt, DataOutput::writeInt);
    }

    /** Reads an index written by {@link #writeTo}. */
    public static PostIndex readFrom(DataInput in) throws IOException {
        PostIndex index = new PostIndex();
        StateIO.readMap(in, index.posts, DataInput::readLong, PostStats::readFrom);
        StateIO.readMap(in, index.followingByUser, DataInput::readInt, StateIO::readInts);
        StateIO.readMap(in, index.followers, DataInput::readInt, DataInput::readInt);
        return index;
    }
}

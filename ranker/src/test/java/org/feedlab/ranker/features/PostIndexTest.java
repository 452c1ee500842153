package org.feedlab.ranker.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.state.StateIO;
import org.junit.jupiter.api.Test;

/** The platform's post index: counters, follower counts from follow lists, pruning, checkpoints. */
class PostIndexTest {

    private static Impression log(long postId, Action... actions) {
        int bits = 0;
        for (Action a : actions) {
            bits = Impression.with(bits, a);
        }
        return Impression.of(1, 3, postId, 4, 0, 0, bits);
    }

    private static PostIndex index() {
        PostIndex index = new PostIndex();
        index.addPost(Post.of(1, 10, 2, 0, 0.5, 0.2, -1));
        index.addPost(Post.of(2, 11, 5, 1, -0.5, 0.9, -1));
        index.addPost(Post.of(3, 10, 7, 2, 0.0, 0.4, 1));
        index.applyImpression(log(1, Action.CLICK, Action.LIKE));
        index.applyImpression(log(1, Action.HIDE));
        index.applyImpression(log(1));
        index.applyImpression(log(2, Action.RESHARE, Action.ANGRY, Action.COMMENT));
        // An unknown post's impression changes nothing.
        index.applyImpression(log(99, Action.CLICK));
        index.applyRequest(FeedRequest.of(1, 100, 3, new int[] {10, 11}, 5));
        index.applyRequest(FeedRequest.of(2, 101, 3, new int[] {10}, 5));
        return index;
    }

    @Test
    void countersCountImpressionsAndEachAction() {
        PostIndex index = index();
        PostStats one = index.get(1);
        assertEquals(3, one.impressions());
        assertEquals(1, one.actions(Action.CLICK));
        assertEquals(1, one.actions(Action.LIKE));
        assertEquals(1, one.actions(Action.HIDE));
        assertEquals(0, one.actions(Action.RESHARE));
        // Engagements: every action but hide.
        assertEquals(2, one.engagements());
        assertEquals(3, index.get(2).engagements());
        assertEquals(0, index.get(3).impressions());
        assertNull(index.get(99));
        // Adding a known post again keeps its counters.
        index.addPost(Post.of(1, 10, 2, 0, 0.5, 0.2, -1));
        assertEquals(3, index.get(1).impressions());
    }

    @Test
    void followerCountsFollowTheLatestFollowLists() {
        PostIndex index = index();
        assertEquals(2, index.followers(10));
        assertEquals(1, index.followers(11));
        assertEquals(0, index.followers(12));
        assertArrayEquals(new int[] {10, 11}, index.following(100));
        assertArrayEquals(new int[0], index.following(102));
        // User 100 unfollows 11 and follows 12: the old list is taken back.
        int[] list = {10, 12};
        index.applyRequest(FeedRequest.of(3, 100, 4, list, 5));
        list[1] = 13;
        assertArrayEquals(new int[] {10, 12}, index.following(100));
        assertEquals(2, index.followers(10));
        assertEquals(0, index.followers(11));
        assertEquals(1, index.followers(12));
        assertEquals(Map.of(10, 2, 11, 0, 12, 1), index.followerCounts());
        index.followerCounts().put(10, 50);
        assertEquals(2, index.followers(10));
    }

    @Test
    void snapshotsAreCopiesAndPruningDropsOldPosts() {
        PostIndex index = index();
        List<PostStats> snapshot = index.snapshot();
        assertEquals(List.of(1L, 2L, 3L), snapshot.stream().map(s -> s.post().postId()).toList());
        PostStats copy = snapshot.get(0);
        assertNotSame(index.get(1), copy);
        assertSame(index.get(1).post(), copy.post());
        assertEquals(3, copy.impressions());
        index.applyImpression(log(1, Action.CLICK));
        assertEquals(3, copy.impressions());
        assertEquals(1, copy.actions(Action.CLICK));
        assertEquals(4, index.get(1).impressions());
        assertEquals(2, index.get(1).actions(Action.CLICK));

        // Published before tick 5: post 1 (tick 2); post 2 (tick 5) stays.
        index.pruneBefore(5);
        assertNull(index.get(1));
        assertEquals(5, index.get(2).post().tick());
        assertEquals(2, index.snapshot().size());
        index.applyImpression(log(1, Action.CLICK));
        assertNull(index.get(1));
    }

    @Test
    void theCheckpointFormRestoresEverything() throws IOException {
        PostIndex index = index();
        byte[] bytes = bytes(index);
        PostIndex back = PostIndex.readFrom(in(bytes));
        assertArrayEquals(bytes, bytes(back));
        assertEquals(3, back.get(1).impressions());
        assertEquals(1, back.get(1).actions(Action.HIDE));
        assertEquals(Post.of(3, 10, 7, 2, 0.0, 0.4, 1), back.get(3).post());
        assertEquals(2, back.followers(10));
        assertArrayEquals(new int[] {10}, back.following(101));
        // Follow lists survive the restore: a new list takes the restored one back.
        back.applyRequest(FeedRequest.of(4, 101, 5, new int[0], 5));
        assertEquals(1, back.followers(10));

        PostStats stats = index.get(2);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        StateIO.writePost(out, stats.post());
        out.writeInt(1);
        StateIO.writeInts(out, new int[] {1, 2, 3});
        IOException e =
                assertThrows(IOException.class, () -> PostStats.readFrom(in(buffer.toByteArray())));
        assertEquals("corrupted post counters: 3 actions", e.getMessage());
        assertTrue(new PostStats().post() == null);
    }

    private static byte[] bytes(PostIndex index) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        index.writeTo(out);
        out.flush();
        return buffer.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}

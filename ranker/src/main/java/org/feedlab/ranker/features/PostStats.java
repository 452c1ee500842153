package org.feedlab.ranker.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.state.StateIO;

/**
 * A post with the counters the platform keeps for it: impressions and actions so far.
 *
 * <p>Mutable on purpose: the post index updates counters in place as impressions are applied.
 */
public final class PostStats {
    private Post post;
    private int impressions;
    private int[] actions;

    /** For serializers. */
    public PostStats() {}

    public PostStats(Post post) {
        this.post = post;
        this.actions = new int[Action.values().length];
    }

    /** Deep copy, for snapshots handed to scorers. */
    public PostStats copy() {
        PostStats c = new PostStats(post);
        c.impressions = impressions;
        c.actions = actions.clone();
        return c;
    }

    void apply(Impression impression) {
        impressions++;
        for (Action a : Action.values()) {
            if (impression.did(a)) {
                actions[a.ordinal()]++;
            }
        }
    }

    public Post post() {
        return post;
    }

    public int impressions() {
        return impressions;
    }

    /** Count of one action so far. */
    public int actions(Action action) {
        return actions[action.ordinal()];
    }

    /** Engagements so far (every action but hide): the popularity signal. */
    public int engagements() {
        int sum = 0;
        for (Action a : Action.values()) {
            if (a != Action.HIDE) {
                sum += actions[a.ordinal()];
            }
        }
        return sum;
    }

    /** Writes the post and its counters (the checkpoint form). */
    public void writeTo(DataOutput out) throws IOException {
        StateIO.writePost(out, post);
        out.writeInt(impressions);
        StateIO.writeInts(out, actions);
    }

    /** Reads what {@link #writeTo} wrote. */
    public static PostStats readFrom(DataInput in) throws IOException {
        PostStats s = new PostStats();
        s.post = StateIO.readPost(in);
        s.impressions = in.readInt();
        s.actions = StateIO.readInts(in);
        if (s.actions.length != Action.values().length) {
            throw new IOException("corrupted post counters: " + s.actions.length + " actions");
        }
        return s;
    }
}

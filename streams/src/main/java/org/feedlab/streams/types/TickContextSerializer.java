package org.feedlab.streams.types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.model.Scorer;
import org.feedlab.ranker.model.Scorers;
import org.feedlab.ranker.objective.PlatformSignals;
import org.feedlab.ranker.state.StateIO;

/**
 * A {@link TickContext} as it is broadcast to the scorers and kept in their broadcast state: the
 * tick, the model version with its scorer's checksummed bytes (a corrupted model is refused on
 * read), the posts with their counters, the follower counts and the objective's signals. A context
 * is never changed once emitted, so it is treated as immutable.
 */
public final class TickContextSerializer extends VersionedSerializer<TickContext> {
    private static final long serialVersionUID = 1L;

    public static final TickContextSerializer INSTANCE = new TickContextSerializer();

    @Override
    protected int version() {
        return 1;
    }

    @Override
    protected void write(TickContext c, DataOutputView out) throws IOException {
        out.writeLong(c.tick);
        out.writeInt(c.modelVersion);
        out.writeBoolean(c.scorer != null);
        if (c.scorer != null) {
            StateIO.writeBytes(out, c.scorer.toBytes());
        }
        out.writeInt(c.posts.size());
        for (PostStats s : c.posts) {
            s.writeTo(out);
        }
        StateIO.writeMap(out, c.followers, (o, k) -> o.writeInt(k), (o, v) -> o.writeInt(v));
        PlatformSignals s = c.signals;
        StateIO.writeLongs(out, s.bridgingPosts);
        StateIO.writeDoubles(out, s.bridgingIntercepts);
        out.writeDouble(s.outrageMultiplier);
        out.writeDouble(s.servedOutrageShare);
    }

    @Override
    protected TickContext read(int version, DataInputView in) throws IOException {
        long tick = in.readLong();
        int modelVersion = in.readInt();
        Scorer scorer = null;
        if (in.readBoolean()) {
            try {
                scorer = Scorers.fromBytes(StateIO.readBytes(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("model of tick " + tick + ": " + e.getMessage(), e);
            }
        }
        int n = StateIO.readCount(in);
        ArrayList<PostStats> posts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            posts.add(PostStats.readFrom(in));
        }
        HashMap<Integer, Integer> followers =
                StateIO.readMap(in, new HashMap<>(), i -> i.readInt(), i -> i.readInt());
        TickContext c = new TickContext(tick, modelVersion, scorer, posts, followers);
        PlatformSignals s = new PlatformSignals();
        s.bridgingPosts = StateIO.readLongs(in);
        s.bridgingIntercepts = StateIO.readDoubles(in);
        s.outrageMultiplier = in.readDouble();
        s.servedOutrageShare = in.readDouble();
        c.signals = s;
        return c;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializerSnapshot<TickContext> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TickContext> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

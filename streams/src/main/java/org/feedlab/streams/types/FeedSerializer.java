package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.feedlab.events.Feed;

/** {@link Feed} as its platform JSON. */
public final class FeedSerializer extends JsonSerializer<Feed> {
    private static final long serialVersionUID = 1L;

    public static final FeedSerializer INSTANCE = new FeedSerializer();

    @Override
    protected Feed fromJson(byte[] json) throws IOException {
        return WireReads.record(json, Feed.class);
    }

    @Override
    public TypeSerializerSnapshot<Feed> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Feed> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

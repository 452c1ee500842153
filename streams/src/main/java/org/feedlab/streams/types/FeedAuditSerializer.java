package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.feedlab.events.FeedAudit;

/** {@link FeedAudit} as its platform JSON. */
public final class FeedAuditSerializer extends JsonSerializer<FeedAudit> {
    private static final long serialVersionUID = 1L;

    public static final FeedAuditSerializer INSTANCE = new FeedAuditSerializer();

    @Override
    protected FeedAudit fromJson(byte[] json) throws IOException {
        return WireReads.value(json, FeedAudit.class);
    }

    @Override
    public TypeSerializerSnapshot<FeedAudit> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeedAudit> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.feedlab.events.PlatformRecord;

/** {@link PlatformRecord} as its platform JSON. */
public final class PlatformRecordSerializer extends JsonSerializer<PlatformRecord> {
    private static final long serialVersionUID = 1L;

    public static final PlatformRecordSerializer INSTANCE = new PlatformRecordSerializer();

    @Override
    protected PlatformRecord fromJson(byte[] json) throws IOException {
        return WireReads.record(json);
    }

    @Override
    public TypeSerializerSnapshot<PlatformRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PlatformRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

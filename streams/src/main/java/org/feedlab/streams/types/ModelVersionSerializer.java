package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.feedlab.events.ModelVersion;

/** {@link ModelVersion} as its platform JSON. */
public final class ModelVersionSerializer extends JsonSerializer<ModelVersion> {
    private static final long serialVersionUID = 1L;

    public static final ModelVersionSerializer INSTANCE = new ModelVersionSerializer();

    @Override
    protected ModelVersion fromJson(byte[] json) throws IOException {
        return WireReads.record(json, ModelVersion.class);
    }

    @Override
    public TypeSerializerSnapshot<ModelVersion> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ModelVersion> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

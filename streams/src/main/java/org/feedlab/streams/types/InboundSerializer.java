package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.feedlab.streams.Inbound;

/** An {@link Inbound}: its origin, then the record or the dead letter as platform JSON. */
public final class InboundSerializer extends VersionedSerializer<Inbound> {
    private static final long serialVersionUID = 1L;

    public static final InboundSerializer INSTANCE = new InboundSerializer();

    @Override
    protected int version() {
        return 1;
    }

    @Override
    protected void write(Inbound in, DataOutputView out) throws IOException {
        out.writeUTF(in.topic());
        out.writeInt(in.partition());
        out.writeLong(in.offset());
        out.writeBoolean(in.isDead());
        if (in.isDead()) {
            DeadLetterSerializer.INSTANCE.serialize(in.deadLetter(), out);
        } else {
            PlatformRecordSerializer.INSTANCE.serialize(in.record(), out);
        }
    }

    @Override
    protected Inbound read(int version, DataInputView in) throws IOException {
        String topic = in.readUTF();
        int partition = in.readInt();
        long offset = in.readLong();
        if (in.readBoolean()) {
            return Inbound.dead(DeadLetterSerializer.INSTANCE.deserialize(in));
        }
        return Inbound.of(
                PlatformRecordSerializer.INSTANCE.deserialize(in), topic, partition, offset);
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializerSnapshot<Inbound> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Inbound> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

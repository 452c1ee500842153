package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A serializer whose every value starts with the format version it was written in (one byte), so a
 * later format can still read what an earlier one checkpointed; a version it does not know is an
 * error, never a guess.
 */
public abstract class VersionedSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    /** The format version this code writes. */
    protected abstract int version();

    /** Writes the value's body. */
    protected abstract void write(T value, DataOutputView out) throws IOException;

    /** Reads a body written in {@code version} (between 1 and {@link #version()}). */
    protected abstract T read(int version, DataInputView in) throws IOException;

    @Override
    public final void serialize(T value, DataOutputView out) throws IOException {
        out.writeByte(version());
        write(value, out);
    }

    @Override
    public final T deserialize(DataInputView in) throws IOException {
        int version = in.readUnsignedByte();
        if (version < 1 || version > version()) {
            throw new IOException(
                    getClass().getSimpleName()
                            + ": format version "
                            + version
                            + " (this reader knows 1.."
                            + version()
                            + ")");
        }
        return read(version, in);
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public T copy(T from) {
        if (from == null || isImmutableType()) {
            return from;
        }
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("could not copy " + from, e);
        }
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public final int getLength() {
        return -1;
    }
}

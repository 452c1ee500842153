package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.feedlab.events.JsonSerde;

/**
 * A wire record as its platform JSON, length-prefixed: the same bytes the Kafka topics carry. The
 * type to read is fixed by the subclass (or, for platform records, by the closed list in {@link
 * org.feedlab.events.PlatformRecord}), never named by the bytes. Records are immutable.
 */
public abstract class JsonSerializer<T> extends VersionedSerializer<T> {
    private static final long serialVersionUID = 1L;

    /** Reads the JSON of one value. */
    protected abstract T fromJson(byte[] json) throws IOException;

    @Override
    protected final int version() {
        return 1;
    }

    @Override
    protected final void write(T value, DataOutputView out) throws IOException {
        byte[] json = JsonSerde.writeWire(value);
        out.writeInt(json.length);
        out.write(json);
    }

    @Override
    protected final T read(int version, DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative record length " + n);
        }
        byte[] json = new byte[n];
        in.readFully(json);
        return fromJson(json);
    }

    @Override
    public final boolean isImmutableType() {
        return true;
    }
}

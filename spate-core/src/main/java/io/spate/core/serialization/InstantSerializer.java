package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.time.Instant;

/** {@link Instant}s as the epoch second (8 bytes) and the nanosecond within it (4 bytes). */
@Internal
public final class InstantSerializer implements TypeSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final InstantSerializer INSTANCE = new InstantSerializer();

    private InstantSerializer() {}

    @Override
    public void serialize(Instant value, DataOutputView out) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    @Override
    public Instant deserialize(DataInputView in) throws IOException {
        long seconds = in.readLong();
        return Instant.ofEpochSecond(seconds, in.readInt());
    }

    @Override
    public String toString() {
        return "Instant";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.time.Duration;

/** {@link Duration}s as seconds (8 bytes) and the nanosecond adjustment (4 bytes). */
@Internal
public final class DurationSerializer implements TypeSerializer<Duration> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final DurationSerializer INSTANCE = new DurationSerializer();

    private DurationSerializer() {}

    @Override
    public void serialize(Duration value, DataOutputView out) throws IOException {
        out.writeLong(value.getSeconds());
        out.writeInt(value.getNano());
    }

    @Override
    public Duration deserialize(DataInputView in) throws IOException {
        long seconds = in.readLong();
        return Duration.ofSeconds(seconds, in.readInt());
    }

    @Override
    public String toString() {
        return "Duration";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

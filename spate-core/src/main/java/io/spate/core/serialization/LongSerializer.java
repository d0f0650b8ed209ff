package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code long} and {@link Long} values as 8 bytes, big-endian. */
@Internal
public final class LongSerializer implements TypeSerializer<Long> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final LongSerializer INSTANCE = new LongSerializer();

    private LongSerializer() {}

    @Override
    public void serialize(Long value, DataOutputView out) throws IOException {
        out.writeLong(value);
    }

    @Override
    public Long deserialize(DataInputView in) throws IOException {
        return in.readLong();
    }

    @Override
    public String toString() {
        return "Long";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

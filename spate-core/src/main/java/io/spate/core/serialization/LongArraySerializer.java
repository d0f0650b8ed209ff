package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code long}: the length as a variable-length int, then each element as 8 bytes,
 * big-endian.
 */
@Internal
public final class LongArraySerializer implements TypeSerializer<long[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final LongArraySerializer INSTANCE = new LongArraySerializer();

    private LongArraySerializer() {}

    @Override
    public void serialize(long[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeLong(value[i]);
        }
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        long[] result = new long[Lengths.read(in, 8, "long[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = in.readLong();
        }
        return result;
    }

    @Override
    public String toString() {
        return "LongArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

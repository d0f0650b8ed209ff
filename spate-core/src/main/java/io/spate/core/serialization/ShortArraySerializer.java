package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code short}: the length as a variable-length int, then each element as 2 bytes,
 * big-endian.
 */
@Internal
public final class ShortArraySerializer implements TypeSerializer<short[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final ShortArraySerializer INSTANCE = new ShortArraySerializer();

    private ShortArraySerializer() {}

    @Override
    public void serialize(short[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeShort(value[i]);
        }
    }

    @Override
    public short[] deserialize(DataInputView in) throws IOException {
        short[] result = new short[Lengths.read(in, 2, "short[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = in.readShort();
        }
        return result;
    }

    @Override
    public String toString() {
        return "ShortArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

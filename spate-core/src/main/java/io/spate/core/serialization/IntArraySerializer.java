package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code int}: the length as a variable-length int, then each element as 4 bytes,
 * big-endian.
 */
@Internal
public final class IntArraySerializer implements TypeSerializer<int[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final IntArraySerializer INSTANCE = new IntArraySerializer();

    private IntArraySerializer() {}

    @Override
    public void serialize(int[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeInt(value[i]);
        }
    }

    @Override
    public int[] deserialize(DataInputView in) throws IOException {
        int[] result = new int[Lengths.read(in, 4, "int[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = in.readInt();
        }
        return result;
    }

    @Override
    public String toString() {
        return "IntArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

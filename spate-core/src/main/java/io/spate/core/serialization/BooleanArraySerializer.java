package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code boolean}: the length as a variable-length int, then each element as one byte, 0
 * or 1.
 */
@Internal
public final class BooleanArraySerializer implements TypeSerializer<boolean[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final BooleanArraySerializer INSTANCE = new BooleanArraySerializer();

    private BooleanArraySerializer() {}

    @Override
    public void serialize(boolean[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeBoolean(value[i]);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView in) throws IOException {
        boolean[] result = new boolean[Lengths.read(in, 1, "boolean[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = in.readBoolean();
        }
        return result;
    }

    @Override
    public String toString() {
        return "BooleanArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

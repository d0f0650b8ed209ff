package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code int} and {@link Integer} values as 4 bytes, big-endian. */
@Internal
public final class IntSerializer implements TypeSerializer<Integer> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final IntSerializer INSTANCE = new IntSerializer();

    private IntSerializer() {}

    @Override
    public void serialize(Integer value, DataOutputView out) throws IOException {
        out.writeInt(value);
    }

    @Override
    public Integer deserialize(DataInputView in) throws IOException {
        return in.readInt();
    }

    @Override
    public String toString() {
        return "Int";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

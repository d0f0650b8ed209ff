package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code short} and {@link Short} values as 2 bytes, big-endian. */
@Internal
public final class ShortSerializer implements TypeSerializer<Short> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final ShortSerializer INSTANCE = new ShortSerializer();

    private ShortSerializer() {}

    @Override
    public void serialize(Short value, DataOutputView out) throws IOException {
        out.writeShort(value);
    }

    @Override
    public Short deserialize(DataInputView in) throws IOException {
        return in.readShort();
    }

    @Override
    public String toString() {
        return "Short";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

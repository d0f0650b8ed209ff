package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code byte} and {@link Byte} values as one byte. */
@Internal
public final class ByteSerializer implements TypeSerializer<Byte> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final ByteSerializer INSTANCE = new ByteSerializer();

    private ByteSerializer() {}

    @Override
    public void serialize(Byte value, DataOutputView out) throws IOException {
        out.writeByte(value);
    }

    @Override
    public Byte deserialize(DataInputView in) throws IOException {
        return in.readByte();
    }

    @Override
    public String toString() {
        return "Byte";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** Arrays of {@code byte}: the length as a variable-length int, then the bytes. */
@Internal
public final class ByteArraySerializer implements TypeSerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final ByteArraySerializer INSTANCE = new ByteArraySerializer();

    private ByteArraySerializer() {}

    @Override
    public void serialize(byte[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        out.write(value);
    }

    @Override
    public byte[] deserialize(DataInputView in) throws IOException {
        byte[] result = new byte[Lengths.read(in, 1, "byte[]")];
        in.readFully(result);
        return result;
    }

    @Override
    public String toString() {
        return "ByteArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

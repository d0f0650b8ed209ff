package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code char}: the length as a variable-length int, then each element as 2 bytes,
 * big-endian (one UTF-16 code unit).
 */
@Internal
public final class CharArraySerializer implements TypeSerializer<char[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final CharArraySerializer INSTANCE = new CharArraySerializer();

    private CharArraySerializer() {}

    @Override
    public void serialize(char[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeChar(value[i]);
        }
    }

    @Override
    public char[] deserialize(DataInputView in) throws IOException {
        char[] result = new char[Lengths.read(in, 2, "char[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = in.readChar();
        }
        return result;
    }

    @Override
    public String toString() {
        return "CharArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

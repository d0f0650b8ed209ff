package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code char} and {@link Character} values as 2 bytes, big-endian (one UTF-16 code unit). */
@Internal
public final class CharSerializer implements TypeSerializer<Character> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final CharSerializer INSTANCE = new CharSerializer();

    private CharSerializer() {}

    @Override
    public void serialize(Character value, DataOutputView out) throws IOException {
        out.writeChar(value);
    }

    @Override
    public Character deserialize(DataInputView in) throws IOException {
        return in.readChar();
    }

    @Override
    public String toString() {
        return "Char";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

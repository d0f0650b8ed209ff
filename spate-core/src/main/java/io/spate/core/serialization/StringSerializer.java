package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Strings as their length in UTF-16 code units (a variable-length int) and each code unit as 1–3
 * bytes of UTF-8; unpaired surrogates survive exactly.
 */
@Internal
public final class StringSerializer implements TypeSerializer<String> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final StringSerializer INSTANCE = new StringSerializer();

    private StringSerializer() {}

    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
        out.writeString(value);
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
        return in.readString();
    }

    @Override
    public String toString() {
        return "String";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

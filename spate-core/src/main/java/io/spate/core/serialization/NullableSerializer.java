package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * Lets another serializer handle {@code null}: one marker byte (0 for null, 1 otherwise), then the
 * value as the wrapped serializer writes it. Streams never carry null, but fields, elements, map
 * keys and values, and array components may; containers wrap their element serializers in this.
 *
 * @param <T> the type of the values
 */
@Internal
public final class NullableSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;

    public NullableSerializer(TypeSerializer<T> serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** The serializer of the non-null values. */
    public TypeSerializer<T> wrapped() {
        return serializer;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            serializer.serialize(value, out);
        }
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        byte marker = in.readByte();
        if (marker == 0) {
            return null;
        }
        if (marker != 1) {
            throw new IOException("Malformed data: null marker is " + marker + ", not 0 or 1");
        }
        return serializer.deserialize(in);
    }

    @Override
    public String toString() {
        return "Nullable(" + serializer + ")";
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Optional}s as one byte (0 empty, 1 present) followed by the value when present.
 *
 * @param <T> the type of the value
 */
@Internal
public final class OptionalSerializer<T> implements TypeSerializer<Optional<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> value;

    /**
     * @param value the serializer of present values; it never sees null
     */
    public OptionalSerializer(TypeSerializer<T> value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(Optional<T> optional, DataOutputView out) throws IOException {
        if (optional.isPresent()) {
            out.writeByte(1);
            value.serialize(optional.get(), out);
        } else {
            out.writeByte(0);
        }
    }

    @Override
    public Optional<T> deserialize(DataInputView in) throws IOException {
        byte marker = in.readByte();
        if (marker == 0) {
            return Optional.empty();
        }
        if (marker != 1) {
            throw new IOException("Malformed Optional: marker is " + marker + ", not 0 or 1");
        }
        return Optional.of(value.deserialize(in));
    }

    @Override
    public String toString() {
        return "Optional(" + value + ")";
    }
}

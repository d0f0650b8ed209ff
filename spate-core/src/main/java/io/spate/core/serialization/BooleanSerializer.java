package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code boolean} and {@link Boolean} values as one byte, 0 or 1. */
@Internal
public final class BooleanSerializer implements TypeSerializer<Boolean> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    private BooleanSerializer() {}

    @Override
    public void serialize(Boolean value, DataOutputView out) throws IOException {
        out.writeBoolean(value);
    }

    @Override
    public Boolean deserialize(DataInputView in) throws IOException {
        return in.readBoolean();
    }

    @Override
    public String toString() {
        return "Boolean";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

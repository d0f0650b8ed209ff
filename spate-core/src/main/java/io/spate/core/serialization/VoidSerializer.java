package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;

/**
 * {@link Void}, whose only value is {@code null}, as no bytes at all: the output type of functions
 * that emit nothing, such as one that only updates counters before a discarding sink.
 */
@Internal
public final class VoidSerializer implements TypeSerializer<Void> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final VoidSerializer INSTANCE = new VoidSerializer();

    private VoidSerializer() {}

    @Override
    public void serialize(Void value, DataOutputView out) {}

    @Override
    public Void deserialize(DataInputView in) {
        return null;
    }

    @Override
    public String toString() {
        return "Void";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

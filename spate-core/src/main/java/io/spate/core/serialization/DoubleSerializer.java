package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * {@code double} and {@link Double} values as 8 bytes, the IEEE 754 bits (NaN payloads included).
 */
@Internal
public final class DoubleSerializer implements TypeSerializer<Double> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final DoubleSerializer INSTANCE = new DoubleSerializer();

    private DoubleSerializer() {}

    @Override
    public void serialize(Double value, DataOutputView out) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public Double deserialize(DataInputView in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    @Override
    public String toString() {
        return "Double";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

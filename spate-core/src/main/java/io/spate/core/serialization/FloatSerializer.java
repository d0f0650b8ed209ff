package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/** {@code float} and {@link Float} values as 4 bytes, the IEEE 754 bits (NaN payloads included). */
@Internal
public final class FloatSerializer implements TypeSerializer<Float> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final FloatSerializer INSTANCE = new FloatSerializer();

    private FloatSerializer() {}

    @Override
    public void serialize(Float value, DataOutputView out) throws IOException {
        out.writeInt(Float.floatToRawIntBits(value));
    }

    @Override
    public Float deserialize(DataInputView in) throws IOException {
        return Float.intBitsToFloat(in.readInt());
    }

    @Override
    public String toString() {
        return "Float";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

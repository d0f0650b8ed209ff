package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code float}: the length as a variable-length int, then each element as 4 bytes, the
 * IEEE 754 bits (NaN payloads included).
 */
@Internal
public final class FloatArraySerializer implements TypeSerializer<float[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final FloatArraySerializer INSTANCE = new FloatArraySerializer();

    private FloatArraySerializer() {}

    @Override
    public void serialize(float[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeInt(Float.floatToRawIntBits(value[i]));
        }
    }

    @Override
    public float[] deserialize(DataInputView in) throws IOException {
        float[] result = new float[Lengths.read(in, 4, "float[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = Float.intBitsToFloat(in.readInt());
        }
        return result;
    }

    @Override
    public String toString() {
        return "FloatArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

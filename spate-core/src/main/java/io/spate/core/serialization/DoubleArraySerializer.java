package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Arrays of {@code double}: the length as a variable-length int, then each element as 8 bytes, the
 * IEEE 754 bits (NaN payloads included).
 */
@Internal
public final class DoubleArraySerializer implements TypeSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final DoubleArraySerializer INSTANCE = new DoubleArraySerializer();

    private DoubleArraySerializer() {}

    @Override
    public void serialize(double[] value, DataOutputView out) throws IOException {
        out.writeVarInt(value.length);
        for (int i = 0; i < value.length; i++) {
            out.writeLong(Double.doubleToRawLongBits(value[i]));
        }
    }

    @Override
    public double[] deserialize(DataInputView in) throws IOException {
        double[] result = new double[Lengths.read(in, 8, "double[]")];
        for (int i = 0; i < result.length; i++) {
            result[i] = Double.longBitsToDouble(in.readLong());
        }
        return result;
    }

    @Override
    public String toString() {
        return "DoubleArray";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

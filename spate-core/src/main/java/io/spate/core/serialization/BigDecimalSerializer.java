package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * {@link BigDecimal}s as the scale (a zig-zag variable-length int) and the unscaled value as {@link
 * BigIntegerSerializer} writes it. Equal in {@code equals}, so {@code 1.0} and {@code 1.00} stay
 * distinct.
 */
@Internal
public final class BigDecimalSerializer implements TypeSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final BigDecimalSerializer INSTANCE = new BigDecimalSerializer();

    private BigDecimalSerializer() {}

    @Override
    public void serialize(BigDecimal value, DataOutputView out) throws IOException {
        out.writeSignedVarInt(value.scale());
        BigIntegerSerializer.INSTANCE.serialize(value.unscaledValue(), out);
    }

    @Override
    public BigDecimal deserialize(DataInputView in) throws IOException {
        int scale = in.readSignedVarInt();
        return new BigDecimal(BigIntegerSerializer.INSTANCE.deserialize(in), scale);
    }

    @Override
    public String toString() {
        return "BigDecimal";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * {@link BigInteger}s as the length of their two's-complement bytes (a variable-length int) and the
 * bytes.
 */
@Internal
public final class BigIntegerSerializer implements TypeSerializer<BigInteger> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final BigIntegerSerializer INSTANCE = new BigIntegerSerializer();

    private BigIntegerSerializer() {}

    @Override
    public void serialize(BigInteger value, DataOutputView out) throws IOException {
        byte[] bytes = value.toByteArray();
        out.writeVarInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public BigInteger deserialize(DataInputView in) throws IOException {
        int length = Lengths.read(in, 1, "BigInteger");
        if (length == 0) {
            throw new IOException("Malformed BigInteger: zero-length magnitude");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new BigInteger(bytes);
    }

    @Override
    public String toString() {
        return "BigInteger";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

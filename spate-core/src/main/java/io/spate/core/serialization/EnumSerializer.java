package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Enum constants by ordinal, as a variable-length int (one byte for the first 128 constants).
 * Reordering or removing constants changes the meaning of stored data; an ordinal the enum does not
 * have fails with an error that lists the constants.
 *
 * @param <E> the enum type
 */
@Internal
public final class EnumSerializer<E extends Enum<E>> implements TypeSerializer<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> type;
    private transient E[] constants;

    public EnumSerializer(Class<E> type) {
        this.type = Objects.requireNonNull(type, "type");
        if (!type.isEnum()) {
            throw new IllegalArgumentException(type.getName() + " is not an enum");
        }
        this.constants = type.getEnumConstants();
    }

    @Override
    public void serialize(E value, DataOutputView out) throws IOException {
        out.writeVarInt(value.ordinal());
    }

    @Override
    public E deserialize(DataInputView in) throws IOException {
        int ordinal = in.readVarInt();
        E[] c = constants;
        if (ordinal < 0 || ordinal >= c.length) {
            throw new IOException(
                    "Unknown ordinal "
                            + ordinal
                            + " for enum "
                            + type.getName()
                            + ", which has "
                            + c.length
                            + " constants "
                            + Arrays.toString(c)
                            + ": the data was written with a different version of the enum, or is"
                            + " corrupt");
        }
        return c[ordinal];
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constants = type.getEnumConstants();
    }

    @Override
    public String toString() {
        return "Enum(" + type.getName() + ")";
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.time.LocalDate;

/**
 * {@link LocalDate}s as the epoch day, a zig-zag variable-length long (3 bytes for dates of this
 * era).
 */
@Internal
public final class LocalDateSerializer implements TypeSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    private LocalDateSerializer() {}

    @Override
    public void serialize(LocalDate value, DataOutputView out) throws IOException {
        out.writeSignedVarLong(value.toEpochDay());
    }

    @Override
    public LocalDate deserialize(DataInputView in) throws IOException {
        return LocalDate.ofEpochDay(in.readSignedVarLong());
    }

    @Override
    public String toString() {
        return "LocalDate";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

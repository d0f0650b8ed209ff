package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * {@link LocalDateTime}s as the date the way {@link LocalDateSerializer} writes it, then the
 * nanosecond of the day as a variable-length long.
 */
@Internal
public final class LocalDateTimeSerializer implements TypeSerializer<LocalDateTime> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

    private LocalDateTimeSerializer() {}

    @Override
    public void serialize(LocalDateTime value, DataOutputView out) throws IOException {
        LocalDateSerializer.INSTANCE.serialize(value.toLocalDate(), out);
        out.writeVarLong(value.toLocalTime().toNanoOfDay());
    }

    @Override
    public LocalDateTime deserialize(DataInputView in) throws IOException {
        LocalDate date = LocalDateSerializer.INSTANCE.deserialize(in);
        return LocalDateTime.of(date, LocalTime.ofNanoOfDay(in.readVarLong()));
    }

    @Override
    public String toString() {
        return "LocalDateTime";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

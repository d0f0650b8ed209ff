package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.UUID;

/** {@link UUID}s as their most and least significant 64 bits. */
@Internal
public final class UuidSerializer implements TypeSerializer<UUID> {
    private static final long serialVersionUID = 1L;

    /** The only instance: the serializer has no state. */
    public static final UuidSerializer INSTANCE = new UuidSerializer();

    private UuidSerializer() {}

    @Override
    public void serialize(UUID value, DataOutputView out) throws IOException {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    @Override
    public UUID deserialize(DataInputView in) throws IOException {
        long most = in.readLong();
        return new UUID(most, in.readLong());
    }

    @Override
    public String toString() {
        return "Uuid";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

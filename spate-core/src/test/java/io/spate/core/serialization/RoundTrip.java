package io.spate.core.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Serializes values and reads them back, checking that the reader consumes exactly the bytes. */
final class RoundTrip {
    private static final byte SENTINEL = 0x5A;

    private RoundTrip() {}

    /** Writes {@code value}, reads it back and checks that exactly the written bytes were read. */
    static <T> T copy(TypeSerializer<T> serializer, T value) {
        try {
            MemoryDataOutput out = new MemoryDataOutput(16);
            serializer.serialize(value, out);
            int written = out.size();
            out.writeByte(SENTINEL);
            MemoryDataInput in = new MemoryDataInput(out.toByteArray());
            T result = serializer.deserialize(in);
            assertThat(in.position()).as("bytes read of %d written", written).isEqualTo(written);
            assertThat(in.readByte()).isEqualTo(SENTINEL);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes {@code serializer} writes for {@code value}. */
    static <T> byte[] bytes(TypeSerializer<T> serializer, T value) {
        try {
            MemoryDataOutput out = new MemoryDataOutput(16);
            serializer.serialize(value, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the round trip with the serializer and with a copy of it that went through Java
     * serialization, as serializers do when a job is shipped.
     */
    static <T> void assertRoundTrips(TypeSerializer<T> serializer, T value) {
        assertThat(copy(serializer, value)).isEqualTo(value);
        assertThat(copy(javaSerialized(serializer), value)).isEqualTo(value);
    }

    @SuppressWarnings("unchecked")
    static <T> T javaSerialized(T object) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

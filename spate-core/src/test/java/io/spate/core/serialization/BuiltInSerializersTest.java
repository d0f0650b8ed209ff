package io.spate.core.serialization;

import static io.spate.core.serialization.RoundTrip.assertRoundTrips;
import static io.spate.core.serialization.RoundTrip.bytes;
import static io.spate.core.serialization.RoundTrip.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.TestTypes.Color;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One round trip per built-in serializer, with the edge values of each type. */
class BuiltInSerializersTest {
    private final SerializerFactory factory = new SerializerFactory(Map.of());

    @SafeVarargs
    private <T> void roundTrips(TypeInfo<T> type, T... values) {
        TypeSerializer<T> serializer = factory.create(type);
        for (T value : values) {
            assertRoundTrips(serializer, value);
        }
    }

    @Test
    void primitivesAndBoxes() {
        roundTrips(Types.BOOLEAN, true, false);
        roundTrips(Types.BYTE, (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE);
        roundTrips(Types.SHORT, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE);
        roundTrips(Types.CHAR, 'a', '\0', '\uFFFF', '\uD800');
        roundTrips(Types.INT, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        roundTrips(Types.LONG, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        roundTrips(
                Types.FLOAT,
                0f,
                -0f,
                Float.NaN,
                Float.MIN_VALUE,
                Float.NEGATIVE_INFINITY,
                Float.MAX_VALUE);
        roundTrips(
                Types.DOUBLE,
                0d,
                -0d,
                Double.NaN,
                Double.MIN_VALUE,
                Double.POSITIVE_INFINITY,
                -Double.MAX_VALUE);
    }

    @Test
    void primitiveClassesUseTheBoxSerializers() {
        assertThat(factory.create(TypeInfo.of(int.class))).isSameAs(IntSerializer.INSTANCE);
        assertThat(factory.create(TypeInfo.of(double.class))).isSameAs(DoubleSerializer.INSTANCE);
        assertThat(factory.create(TypeInfo.of(boolean.class))).isSameAs(BooleanSerializer.INSTANCE);
    }

    @Test
    void voidIsNullInNoBytes() {
        TypeSerializer<Void> serializer = factory.create(TypeInfo.of(Void.class));
        assertThat(serializer).isSameAs(VoidSerializer.INSTANCE);
        assertThat(bytes(serializer, null)).isEmpty();
        assertRoundTrips(serializer, null);
    }

    @Test
    void fixedWidthFormats() {
        assertThat(bytes(IntSerializer.INSTANCE, 0x01020304)).containsExactly(1, 2, 3, 4);
        assertThat(bytes(LongSerializer.INSTANCE, 1L)).hasSize(8);
        assertThat(bytes(BooleanSerializer.INSTANCE, true)).containsExactly(1);
    }

    @Test
    void nanPayloadSurvives() {
        float quietNan = Float.intBitsToFloat(0x7fc00001);
        double signallingNan = Double.longBitsToDouble(0x7ff0000000000001L);
        assertThat(Float.floatToRawIntBits(copy(FloatSerializer.INSTANCE, quietNan)))
                .isEqualTo(0x7fc00001);
        assertThat(Double.doubleToRawLongBits(copy(DoubleSerializer.INSTANCE, signallingNan)))
                .isEqualTo(0x7ff0000000000001L);
    }

    @Test
    void strings() {
        roundTrips(
                Types.STRING,
                "",
                "hello",
                "\0",
                "grüße, 日本語, emoji 😀",
                "lone surrogates \uD800 and \uDFFF",
                "x".repeat(100_000));
    }

    @Test
    void primitiveArrays() {
        roundTrips(TypeInfo.of(boolean[].class), new boolean[0], new boolean[] {true, false});
        roundTrips(Types.BYTES, new byte[0], new byte[] {-128, 0, 127});
        roundTrips(TypeInfo.of(short[].class), new short[] {Short.MIN_VALUE, 7});
        roundTrips(TypeInfo.of(char[].class), new char[] {'a', '\uD83D', '\uDE00'});
        roundTrips(TypeInfo.of(int[].class), new int[0], new int[] {Integer.MIN_VALUE, 1});
        roundTrips(TypeInfo.of(long[].class), new long[] {Long.MAX_VALUE, -5});
        roundTrips(TypeInfo.of(float[].class), new float[] {1.5f, Float.NaN, -0f});
        roundTrips(TypeInfo.of(double[].class), new double[] {1e300, Double.NaN, -0d});
    }

    @Test
    void arrayLengthsAreVarInts() {
        assertThat(bytes(ByteArraySerializer.INSTANCE, new byte[] {9})).containsExactly(1, 9);
        assertThat(bytes(IntArraySerializer.INSTANCE, new int[200])).hasSize(2 + 800);
    }

    @Test
    void objectArrays() {
        roundTrips(Types.ARRAY(Types.STRING), new String[0], new String[] {"a", null, "c"});
        roundTrips(Types.ARRAY(Types.INT), new Integer[] {1, null, -3});
        roundTrips(new TypeHint<int[][]>() {}.getTypeInfo(), new int[][] {{1, 2}, null, {}, {3}});
        roundTrips(Types.ARRAY(Types.of(Color.class)), new Color[] {Color.BLUE, null, Color.RED});
        assertThat(copy(factory.create(Types.ARRAY(Types.STRING)), new String[] {"x"}))
                .isExactlyInstanceOf(String[].class);
    }

    @Test
    void enumsByOrdinal() {
        roundTrips(Types.of(Color.class), Color.RED, Color.GREEN, Color.BLUE);
        assertThat(bytes(factory.create(Types.of(Color.class)), Color.BLUE)).containsExactly(2);
    }

    @Test
    void unknownEnumOrdinalFailsClearly() {
        TypeSerializer<Color> serializer = factory.create(Types.of(Color.class));
        assertThatThrownBy(() -> serializer.deserialize(new MemoryDataInput(new byte[] {7})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown ordinal 7")
                .hasMessageContaining(Color.class.getName())
                .hasMessageContaining("[RED, GREEN, blue, with a body of its own]");
    }

    @Test
    void bigNumbers() {
        roundTrips(
                TypeInfo.of(BigInteger.class),
                BigInteger.ZERO,
                BigInteger.valueOf(-1),
                BigInteger.TWO.pow(1000).negate());
        roundTrips(
                TypeInfo.of(BigDecimal.class),
                BigDecimal.ZERO,
                new BigDecimal("1.0"),
                new BigDecimal("1.00"),
                new BigDecimal("-123456789012345678901234567890.123456789"),
                new BigDecimal(BigInteger.TEN, -50),
                new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
    }

    @Test
    void timeAndIds() {
        roundTrips(
                TypeInfo.of(Instant.class),
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        roundTrips(
                TypeInfo.of(LocalDate.class),
                LocalDate.MIN,
                LocalDate.MAX,
                LocalDate.of(2024, 2, 29));
        assertThat(bytes(LocalDateSerializer.INSTANCE, LocalDate.of(2024, 2, 29))).hasSize(3);
        roundTrips(
                TypeInfo.of(LocalDateTime.class),
                LocalDateTime.MIN,
                LocalDateTime.MAX,
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_999));
        roundTrips(
                TypeInfo.of(Duration.class),
                Duration.ZERO,
                Duration.ofNanos(-1),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                Duration.ofSeconds(Long.MIN_VALUE));
        roundTrips(
                TypeInfo.of(UUID.class),
                new UUID(0, 0),
                new UUID(-1, Long.MIN_VALUE),
                UUID.nameUUIDFromBytes(new byte[] {1, 2, 3}));
    }

    @Test
    void singletonsStaySingletonsThroughJavaSerialization() {
        assertThat(RoundTrip.javaSerialized(StringSerializer.INSTANCE))
                .isSameAs(StringSerializer.INSTANCE);
        assertThat(RoundTrip.javaSerialized(IntArraySerializer.INSTANCE))
                .isSameAs(IntArraySerializer.INSTANCE);
    }

    @Test
    void corruptLengthsFailBeforeAllocating() throws IOException {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeVarInt(Integer.MAX_VALUE);
        byte[] data = out.toByteArray();
        assertThatThrownBy(
                        () -> LongArraySerializer.INSTANCE.deserialize(new MemoryDataInput(data)))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("length 2147483647");
        TypeSerializer<String[]> strings = factory.create(Types.ARRAY(Types.STRING));
        assertThatThrownBy(() -> strings.deserialize(new MemoryDataInput(data)))
                .isInstanceOf(EOFException.class);
        MemoryDataOutput negative = new MemoryDataOutput();
        negative.writeVarInt(-3);
        assertThatThrownBy(
                        () ->
                                ByteArraySerializer.INSTANCE.deserialize(
                                        new MemoryDataInput(negative.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("negative length -3");
    }

    @Test
    void badNullMarkerIsMalformedData() {
        TypeSerializer<String> nullable = new NullableSerializer<>(StringSerializer.INSTANCE);
        assertThatThrownBy(() -> nullable.deserialize(new MemoryDataInput(new byte[] {5})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("null marker is 5");
    }
}

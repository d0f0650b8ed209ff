package io.spate.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.annotations.SuppressForbidden;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MemoryDataOutput} and {@link MemoryDataInput} together. */
class MemoryDataIoTest {

    // ------------------------------------------------------------------ fixed-width values

    /** Writes one value of every kind, through any DataOutput. */
    @SuppressForbidden(reason = "writeBytes is part of the DataOutput contract under test")
    private static void writeAllPrimitives(java.io.DataOutput out) throws IOException {
        out.writeBoolean(true);
        out.writeBoolean(false);
        out.writeByte(-128);
        out.writeByte(127);
        out.writeByte(0x1FF); // only the low 8 bits count
        out.writeShort(Short.MIN_VALUE);
        out.writeShort(-1);
        out.writeShort(0xABCDE); // only the low 16 bits count
        out.writeChar('\uFFFF');
        out.writeChar('é');
        out.writeInt(Integer.MIN_VALUE);
        out.writeInt(Integer.MAX_VALUE);
        out.writeInt(0xCAFEBABE);
        out.writeLong(Long.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE);
        out.writeLong(0x0123456789ABCDEFL);
        out.writeFloat(Float.NaN);
        out.writeFloat(-0.0f);
        out.writeFloat(Float.MIN_VALUE);
        out.writeFloat(Float.NEGATIVE_INFINITY);
        out.writeDouble(Double.NaN);
        out.writeDouble(-0.0);
        out.writeDouble(Double.MAX_VALUE);
        out.writeDouble(Math.PI);
        out.write(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        out.write(0x80);
        out.writeBytes("Az\u0100"); // low bytes of each char
        out.writeChars("h\u00e9\ud83d\ude00");
    }

    private static void readAllPrimitives(java.io.DataInput in) throws IOException {
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readBoolean()).isFalse();
        assertThat(in.readByte()).isEqualTo((byte) -128);
        assertThat(in.readByte()).isEqualTo((byte) 127);
        assertThat(in.readUnsignedByte()).isEqualTo(0xFF);
        assertThat(in.readShort()).isEqualTo(Short.MIN_VALUE);
        assertThat(in.readUnsignedShort()).isEqualTo(0xFFFF);
        assertThat(in.readShort()).isEqualTo((short) 0xBCDE);
        assertThat(in.readChar()).isEqualTo('\uFFFF');
        assertThat(in.readChar()).isEqualTo('é');
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readInt()).isEqualTo(Integer.MAX_VALUE);
        assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.readLong()).isEqualTo(0x0123456789ABCDEFL);
        assertThat(in.readFloat()).isNaN();
        assertThat(Float.floatToRawIntBits(in.readFloat()))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(in.readFloat()).isEqualTo(Float.MIN_VALUE);
        assertThat(in.readFloat()).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(in.readDouble()).isNaN();
        assertThat(Double.doubleToRawLongBits(in.readDouble()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(in.readDouble()).isEqualTo(Double.MAX_VALUE);
        assertThat(in.readDouble()).isEqualTo(Math.PI);
        byte[] three = new byte[3];
        in.readFully(three);
        assertThat(three).containsExactly(2, 3, 4);
        assertThat(in.readUnsignedByte()).isEqualTo(0x80);
        byte[] bytes = new byte[3];
        in.readFully(bytes);
        assertThat(bytes).containsExactly('A', 'z', 0x00);
        assertThat(in.readChar()).isEqualTo('h');
        assertThat(in.readChar()).isEqualTo('\u00e9');
        assertThat(in.readChar()).isEqualTo('\ud83d');
        assertThat(in.readChar()).isEqualTo('\ude00');
    }

    @Test
    void fixedWidthValuesAreBigEndianExactlyLikeDataOutputStream() throws IOException {
        MemoryDataOutput out = new MemoryDataOutput(1); // forces the buffer to grow
        writeAllPrimitives(out);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        writeAllPrimitives(new DataOutputStream(reference));

        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
        assertThat(out.size()).isEqualTo(reference.size());
    }

    @Test
    void fixedWidthValuesRoundTrip() throws IOException {
        MemoryDataOutput out = new MemoryDataOutput();
        writeAllPrimitives(out);
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        readAllPrimitives(in);
        assertThat(in.remaining()).isZero();

        // And the bytes read back through java.io as well.
        readAllPrimitives(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void fixedWidthPropertiesRoundTrip() {
        qt().forAll(longs().all(), integers().all())
                .checkAssert(
                        (l, i) -> {
                            MemoryDataOutput out = new MemoryDataOutput(16);
                            out.writeLong(l);
                            out.writeInt(i);
                            out.writeDouble(Double.longBitsToDouble(l));
                            out.writeFloat(Float.intBitsToFloat(i));
                            out.writeShort(i);
                            MemoryDataInput in = new MemoryDataInput(out.toByteArray());
                            try {
                                assertThat(in.readLong()).isEqualTo(l);
                                assertThat(in.readInt()).isEqualTo(i);
                                // NaNs are written in their canonical form, like DataOutputStream.
                                assertThat(Double.doubleToLongBits(in.readDouble()))
                                        .isEqualTo(
                                                Double.doubleToLongBits(
                                                        Double.longBitsToDouble(l)));
                                assertThat(Float.floatToIntBits(in.readFloat()))
                                        .isEqualTo(Float.floatToIntBits(Float.intBitsToFloat(i)));
                                assertThat(in.readShort()).isEqualTo((short) (int) i);
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                        });
    }

    // ------------------------------------------------------------------ variable-length integers

    static Stream<Arguments> varInts() {
        return Stream.of(
                Arguments.of(0, 1),
                Arguments.of(1, 1),
                Arguments.of(127, 1),
                Arguments.of(128, 2),
                Arguments.of((1 << 14) - 1, 2),
                Arguments.of(1 << 14, 3),
                Arguments.of((1 << 21) - 1, 3),
                Arguments.of(1 << 21, 4),
                Arguments.of((1 << 28) - 1, 4),
                Arguments.of(1 << 28, 5),
                Arguments.of(Integer.MAX_VALUE, 5),
                Arguments.of(-1, 5),
                Arguments.of(-128, 5),
                Arguments.of(Integer.MIN_VALUE, 5));
    }

    @ParameterizedTest
    @MethodSource("varInts")
    void varIntsRoundTripWithTheDocumentedLength(int value, int expectedBytes) throws IOException {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeVarInt(value);
        assertThat(out.size()).isEqualTo(expectedBytes);
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        assertThat(in.readVarInt()).isEqualTo(value);
        assertThat(in.remaining()).isZero();
    }

    static Stream<Arguments> varLongs() {
        return Stream.of(
                Arguments.of(0L, 1),
                Arguments.of(127L, 1),
                Arguments.of(128L, 2),
                Arguments.of((1L << 35) - 1, 5),
                Arguments.of(1L << 35, 6),
                Arguments.of((1L << 56) - 1, 8),
                Arguments.of(1L << 56, 9),
                Arguments.of((1L << 63) - 1, 9),
                Arguments.of(-1L, 10),
                Arguments.of(Long.MIN_VALUE, 10),
                Arguments.of((long) Integer.MIN_VALUE, 10));
    }

    @ParameterizedTest
    @MethodSource("varLongs")
    void varLongsRoundTripWithTheDocumentedLength(long value, int expectedBytes)
            throws IOException {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeVarLong(value);
        assertThat(out.size()).isEqualTo(expectedBytes);
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        assertThat(in.readVarLong()).isEqualTo(value);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void zigZagKeepsSmallNegativeValuesShort() throws IOException {
        int[][] expectations = {
            {0, 1},
            {-1, 1},
            {1, 1},
            {-64, 1},
            {63, 1},
            {-65, 2},
            {64, 2},
            {Integer.MAX_VALUE, 5},
            {Integer.MIN_VALUE, 5}
        };
        for (int[] e : expectations) {
            MemoryDataOutput out = new MemoryDataOutput();
            out.writeSignedVarInt(e[0]);
            assertThat(out.size()).as("bytes for %d", e[0]).isEqualTo(e[1]);
            assertThat(new MemoryDataInput(out.toByteArray()).readSignedVarInt()).isEqualTo(e[0]);
        }
        // The zig-zag mapping itself: 0, -1, 1, -2, 2 ... become 0, 1, 2, 3, 4 ...
        MemoryDataOutput out = new MemoryDataOutput();
        for (int v : new int[] {0, -1, 1, -2, 2}) {
            out.writeSignedVarInt(v);
        }
        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);

        long[][] longExpectations = {
            {0, 1}, {-1, 1}, {-64, 1}, {64, 2}, {Long.MAX_VALUE, 10}, {Long.MIN_VALUE, 10}
        };
        for (long[] e : longExpectations) {
            MemoryDataOutput o = new MemoryDataOutput();
            o.writeSignedVarLong(e[0]);
            assertThat(o.size()).as("bytes for %d", e[0]).isEqualTo((int) e[1]);
            assertThat(new MemoryDataInput(o.toByteArray()).readSignedVarLong()).isEqualTo(e[0]);
        }
    }

    @Test
    void everyIntAndLongRoundTripsPlainAndZigZag() {
        qt().forAll(integers().all(), longs().all())
                .checkAssert(
                        (i, l) -> {
                            MemoryDataOutput out = new MemoryDataOutput(16);
                            try {
                                out.writeVarInt(i);
                                out.writeSignedVarInt(i);
                                out.writeVarLong(l);
                                out.writeSignedVarLong(l);
                                MemoryDataInput in = new MemoryDataInput(out.toByteArray());
                                assertThat(in.readVarInt()).isEqualTo(i);
                                assertThat(in.readSignedVarInt()).isEqualTo(i);
                                assertThat(in.readVarLong()).isEqualTo(l);
                                assertThat(in.readSignedVarLong()).isEqualTo(l);
                                assertThat(in.remaining()).isZero();
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                        });
    }

    @Test
    void aVarIntThatNeverEndsIsMalformedAndSaysWhere() {
        byte[] data = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        assertThatThrownBy(() -> new MemoryDataInput(data).readVarInt())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Malformed variable-length int")
                .hasMessageContaining("position 5");

        byte[] longData = new byte[11];
        java.util.Arrays.fill(longData, (byte) 0xFF);
        assertThatThrownBy(() -> new MemoryDataInput(longData).readVarLong())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Malformed variable-length long")
                .hasMessageContaining("position 10");
    }

    @Test
    void aTruncatedVarIntIsAnEofThatSaysWhere() {
        byte[] data = {(byte) 0x80, (byte) 0x80};
        assertThatThrownBy(() -> new MemoryDataInput(data).readVarInt())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("position 2")
                .hasMessageContaining("ends at 2");
    }

    // ------------------------------------------------------------------ strings

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "hello, world",
                "\u0000",
                "nul\u0000in the middle",
                "h\u00e9llo",
                "\u00ff\u0100\u07ff\u0800",
                "\u65e5\u672c\u8a9e",
                "\ud83d\ude00 emoji",
                "\uffff\ufffe",
                "ascii then \u00e9 then ascii again"
            })
    void stringsRoundTrip(String s) throws IOException {
        assertStringRoundTrips(s);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\ud800",
                "\udc00",
                "a\ud800b",
                "a\udc00b",
                "\ude00\ud83d",
                "\ud83d\ud83d",
                "end\ud800",
                "\udbff\udfff"
            })
    void unpairedAndReversedSurrogatesRoundTripExactly(String s) throws IOException {
        assertStringRoundTrips(s);
    }

    @Test
    void stringEncodingUsesOneToThreeBytesPerChar() throws IOException {
        assertThat(encodedLength("")).isEqualTo(1);
        assertThat(encodedLength("abc")).isEqualTo(1 + 3);
        assertThat(encodedLength("\u0000")).isEqualTo(1 + 1); // NUL is one byte here
        assertThat(encodedLength("\u00e9")).isEqualTo(1 + 2);
        assertThat(encodedLength("\u65e5")).isEqualTo(1 + 3);
        assertThat(encodedLength("\ud83d\ude00")).isEqualTo(1 + 6);
    }

    private static int encodedLength(String s) {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeString(s);
        return out.size();
    }

    @Test
    void longStringsRoundTrip() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder ascii = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            ascii.append((char) ('a' + random.nextInt(26)));
            mixed.append((char) random.nextInt(0x10000));
        }
        assertStringRoundTrips(ascii.toString());
        assertStringRoundTrips(mixed.toString());
        assertStringRoundTrips(ascii + mixed.toString() + ascii);
    }

    @Test
    void arbitraryCharSequencesRoundTrip() {
        qt().forAll(lists().of(integers().between(0, 0xFFFF)).ofSizeBetween(0, 64))
                .checkAssert(
                        codes -> {
                            char[] chars = new char[codes.size()];
                            for (int i = 0; i < chars.length; i++) {
                                chars[i] = (char) (int) codes.get(i);
                            }
                            try {
                                assertStringRoundTrips(new String(chars));
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                        });
    }

    @Test
    void severalStringsInARowKeepTheirBoundaries() throws IOException {
        List<String> strings = List.of("", "\u00e9", "abc", "\ud800", "", "\u65e5x");
        MemoryDataOutput out = new MemoryDataOutput(1);
        for (String s : strings) {
            out.writeString(s);
            out.writeInt(0x7E7E7E7E);
        }
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        for (String s : strings) {
            assertThat(in.readString()).isEqualTo(s);
            assertThat(in.readInt()).isEqualTo(0x7E7E7E7E);
        }
        assertThat(in.remaining()).isZero();
    }

    private static void assertStringRoundTrips(String s) throws IOException {
        MemoryDataOutput out = new MemoryDataOutput(1);
        out.writeByte(0x55); // a string that does not start at offset 0
        out.writeString(s);
        out.writeByte(0x66);
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        assertThat(in.readByte()).isEqualTo((byte) 0x55);
        String read = in.readString();
        assertThat(read.length()).isEqualTo(s.length());
        assertThat(read.equals(s)).as("round trip of %s", describe(s)).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) 0x66);
        assertThat(in.remaining()).isZero();
    }

    private static String describe(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 20); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) s.charAt(i)));
        }
        return sb + (s.length() > 20 ? "..." : "");
    }

    @Test
    void aStringLongerThanTheDataIsMalformedAndSaysWhere() {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeInt(0);
        out.writeVarInt(10);
        out.write(new byte[] {'a', 'b', 'c'});
        MemoryDataInput in = new MemoryDataInput(out.toByteArray());
        assertThatThrownBy(
                        () -> {
                            in.readInt();
                            in.readString();
                        })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("position 4")
                .hasMessageContaining("length 10");
    }

    @Test
    void aTruncatedMultiByteCharSaysWhere() {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeString("\u65e5");
        byte[] full = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertThatThrownBy(() -> new MemoryDataInput(cut).readString())
                .isInstanceOf(UTFDataFormatException.class)
                .hasMessageContaining("Truncated character at position");

        byte[] bad = {1, (byte) 0xF0, 0, 0};
        assertThatThrownBy(() -> new MemoryDataInput(bad).readString())
                .isInstanceOf(UTFDataFormatException.class)
                .hasMessageContaining("0xf0")
                .hasMessageContaining("position 1");
    }

    // ------------------------------------------------------------------ writeUTF

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "\u0000",
                "a\u0000b",
                "\u007f\u0080\u07ff\u0800\uffff",
                "h\u00e9llo w\u00f6rld",
                "\u65e5\u672c\u8a9e",
                "\ud83d\ude00",
                "\ud800 alone",
                "\udc00"
            })
    void writeUtfMatchesDataOutputStreamBothWays(String s) throws IOException {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeUTF(s);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        new DataOutputStream(reference).writeUTF(s);
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());

        assertThat(new DataInputStream(new ByteArrayInputStream(out.toByteArray())).readUTF())
                .isEqualTo(s);
        MemoryDataInput in = new MemoryDataInput(reference.toByteArray());
        assertThat(in.readUTF()).isEqualTo(s);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void writeUtfTakesUpTo65535BytesAndRefusesMore() throws IOException {
        String max = "x".repeat(65535);
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeUTF(max);
        assertThat(out.size()).isEqualTo(65537);
        assertThat(new MemoryDataInput(out.toByteArray()).readUTF()).isEqualTo(max);

        String tooLong = "\u00e9".repeat(32768); // 65536 bytes
        MemoryDataOutput other = new MemoryDataOutput();
        assertThatThrownBy(() -> other.writeUTF(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535")
                .hasMessageContaining("writeString");
        assertThat(other.size()).isZero();
    }

    @Test
    void readUtfOfATruncatedValueIsAnEof() {
        MemoryDataOutput out = new MemoryDataOutput();
        out.writeUTF("hello");
        byte[] cut = java.util.Arrays.copyOf(out.toByteArray(), 5);
        assertThatThrownBy(() -> new MemoryDataInput(cut).readUTF())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("Needed 5 more bytes at position 2");
    }

    // ------------------------------------------------------------------ bounds and reuse

    @Test
    void readingPastTheEndSaysWhatWasNeededAndWhere() {
        byte[] data = {1, 2, 3};
        assertThatThrownBy(() -> new MemoryDataInput(data).readInt())
                .isInstanceOf(EOFException.class)
                .hasMessage("Needed 4 more bytes at position 0 but the data ends at 3");
        assertThatThrownBy(() -> new MemoryDataInput(data).readLong())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("Needed 8 more bytes");
        assertThatThrownBy(
                        () -> {
                            MemoryDataInput in = new MemoryDataInput(data);
                            in.readShort();
                            in.readShort();
                        })
                .isInstanceOf(EOFException.class)
                .hasMessage("Needed 2 more bytes at position 2 but the data ends at 3");
        assertThatThrownBy(() -> new MemoryDataInput(data).readFully(new byte[4]))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("Needed 4 more bytes");
        assertThatThrownBy(() -> new MemoryDataInput(new byte[0]).readBoolean())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void aFailedReadConsumesNothing() throws IOException {
        MemoryDataInput in = new MemoryDataInput(new byte[] {0, 0, 0, 7});
        assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
        assertThat(in.position()).isZero();
        assertThat(in.readInt()).isEqualTo(7);
    }

    @Test
    void aWindowOfAnArrayIsReadWithinItsBounds() throws IOException {
        byte[] data = {9, 9, 0, 0, 0, 42, 9};
        MemoryDataInput in = new MemoryDataInput(data, 2, 4);
        assertThat(in.remaining()).isEqualTo(4);
        assertThat(in.readInt()).isEqualTo(42);
        assertThatThrownBy(in::readByte)
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("position 6")
                .hasMessageContaining("ends at 6");

        in.reset(data, 0, 2);
        assertThat(in.readShort()).isEqualTo((short) 0x0909);
        assertThatThrownBy(() -> in.reset(data, 5, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new MemoryDataInput(data, -1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void skipBytesStopsAtTheEnd() throws IOException {
        MemoryDataInput in = new MemoryDataInput(new byte[] {1, 2, 3, 4});
        assertThat(in.skipBytes(1)).isEqualTo(1);
        assertThat(in.skipBytes(10)).isEqualTo(3);
        assertThat(in.skipBytes(-5)).isZero();
        assertThat(in.remaining()).isZero();
    }

    @Test
    @SuppressForbidden(reason = "checks that the inherited readLine is refused")
    void readLineIsNotSupported() {
        assertThatThrownBy(() -> new MemoryDataInput(new byte[] {'a', '\n'}).readLine())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void outputGrowsAndCanBeReused() {
        MemoryDataOutput out = new MemoryDataOutput(0);
        byte[] big = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(big);
        out.write(big);
        out.writeLong(5);
        assertThat(out.size()).isEqualTo(big.length + 8);
        assertThat(java.util.Arrays.copyOf(out.toByteArray(), big.length)).isEqualTo(big);

        byte[] internal = out.buffer();
        out.clear();
        assertThat(out.size()).isZero();
        assertThat(out.toByteArray()).isEmpty();
        out.writeInt(1);
        assertThat(out.buffer()).isSameAs(internal);
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 1);
    }
}

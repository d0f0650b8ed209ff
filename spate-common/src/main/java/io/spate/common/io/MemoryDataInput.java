package io.spate.common.io;

import io.spate.annotations.NotThreadSafe;
import io.spate.annotations.Public;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInputView} over a byte array. Reading past the end throws an {@link EOFException}
 * that says where.
 */
@Public
@NotThreadSafe
public final class MemoryDataInput implements DataInputView {
    private byte[] buffer;
    private int position;
    private int limit;

    public MemoryDataInput(byte[] data) {
        this(data, 0, data.length);
    }

    public MemoryDataInput(byte[] data, int offset, int length) {
        reset(data, offset, length);
    }

    /** Points this input at new data, for reuse without allocation. */
    public void reset(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + ", length " + length + " in " + data.length + " bytes");
        }
        this.buffer = data;
        this.position = offset;
        this.limit = offset + length;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return limit - position;
    }

    private void require(int n) throws EOFException {
        if (limit - position < n) {
            throw new EOFException(
                    "Needed "
                            + n
                            + " more bytes at position "
                            + position
                            + " but the data ends at "
                            + limit);
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skip = Math.max(0, Math.min(n, limit - position));
        position += skip;
        return skip;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        int v = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return (short) v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return ((b[p] & 0xFF) << 24)
                | ((b[p + 1] & 0xFF) << 16)
                | ((b[p + 2] & 0xFF) << 8)
                | (b[p + 3] & 0xFF);
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buffer[position++] & 0xFF);
        }
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not supported: line-oriented reading has no place in binary data. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine is not supported on binary input");
    }

    @Override
    public String readUTF() throws IOException {
        int utfLength = readUnsignedShort();
        require(utfLength);
        char[] chars = new char[utfLength];
        int end = position + utfLength;
        int n = 0;
        while (position < end) {
            chars[n++] = readUtf8Char(end);
        }
        return new String(chars, 0, n);
    }

    @Override
    public int readVarInt() throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("Malformed variable-length int ending at position " + position);
    }

    @Override
    public long readVarLong() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("Malformed variable-length long ending at position " + position);
    }

    @Override
    public String readString() throws IOException {
        int start = position;
        int len = readVarInt();
        if (len < 0 || len > limit - position) {
            throw new IOException(
                    "Malformed string at position " + start + ": length " + len + " exceeds data");
        }
        byte[] b = buffer;
        int p = position;
        int ascii = 0;
        while (ascii < len && b[p + ascii] >= 0) {
            ascii++;
        }
        if (ascii == len) {
            // All ASCII (the common case): one copy into a compact Latin-1 string.
            position = p + len;
            return new String(b, p, len, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[len];
        int i = 0;
        for (; i < len; i++) {
            byte c = b[p];
            if (c < 0) {
                break;
            }
            chars[i] = (char) c;
            p++;
        }
        position = p;
        for (; i < len; i++) {
            chars[i] = readUtf8Char(limit);
        }
        return new String(chars);
    }

    private char readUtf8Char(int end) throws IOException {
        if (position >= end) {
            throw new UTFDataFormatException("Truncated character at position " + position);
        }
        int a = buffer[position++] & 0xFF;
        if (a < 0x80) {
            return (char) a;
        }
        if ((a & 0xE0) == 0xC0) {
            if (position >= end) {
                throw new UTFDataFormatException("Truncated character at position " + position);
            }
            int b = buffer[position++] & 0xFF;
            return (char) (((a & 0x1F) << 6) | (b & 0x3F));
        }
        if ((a & 0xF0) == 0xE0) {
            if (position + 1 >= end) {
                throw new UTFDataFormatException("Truncated character at position " + position);
            }
            int b = buffer[position++] & 0xFF;
            int c = buffer[position++] & 0xFF;
            return (char) (((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F));
        }
        throw new UTFDataFormatException(
                "Malformed character byte 0x"
                        + Integer.toHexString(a)
                        + " at position "
                        + (position - 1));
    }
}

package io.spate.common.io;

import io.spate.annotations.NotThreadSafe;
import io.spate.annotations.Public;
import java.util.Arrays;

/** A {@link DataOutputView} that writes into a growing byte array; never throws I/O errors. */
@Public
@NotThreadSafe
public final class MemoryDataOutput implements DataOutputView {
    private byte[] buffer;
    private int position;

    public MemoryDataOutput() {
        this(256);
    }

    public MemoryDataOutput(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** The number of bytes written so far. */
    public int size() {
        return position;
    }

    /** Forgets what was written, keeping the buffer for reuse. */
    public void clear() {
        position = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** The internal buffer; valid up to {@link #size()} and only until the next write. */
    public byte[] buffer() {
        return buffer;
    }

    private void ensure(int extra) {
        int needed = position + extra;
        if (needed > buffer.length) {
            if (needed < 0) {
                throw new IllegalStateException("Serialized data exceeds 2 GiB");
            }
            int grown =
                    (int)
                            Math.min(
                                    Integer.MAX_VALUE - 8,
                                    Math.max((long) needed, buffer.length * 2L));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        position = p + 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        byte[] b = buffer;
        int p = position;
        for (int shift = 56; shift >= 0; shift -= 8) {
            b[p++] = (byte) (v >>> shift);
        }
        position = p;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            writeChar(s.charAt(i));
        }
    }

    /**
     * Writes in the format of {@link java.io.DataOutputStream#writeUTF}; limited to 65535 bytes.
     */
    @Override
    public void writeUTF(String s) {
        int utfLength = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            utfLength += (c >= 1 && c < 0x80) ? 1 : (c < 0x800 ? 2 : 3);
        }
        if (utfLength > 65535) {
            throw new IllegalArgumentException(
                    "writeUTF takes at most 65535 bytes; use writeString for longer text");
        }
        writeShort(utfLength);
        for (int i = 0; i < s.length(); i++) {
            writeModifiedUtf8Char(s.charAt(i));
        }
    }

    @Override
    public void writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeString(String s) {
        int len = s.length();
        writeVarInt(len);
        ensure(len);
        byte[] b = buffer;
        int p = position;
        int i = 0;
        // Fast path: ASCII text is one byte per char.
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[p++] = (byte) c;
        }
        position = p;
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                write(c);
            } else {
                writeCharAsUtf8(c);
            }
        }
    }

    /** Every char (surrogates included) as 1–3 bytes; NUL is one byte, unlike modified UTF-8. */
    private void writeCharAsUtf8(char c) {
        ensure(3);
        if (c < 0x800) {
            buffer[position++] = (byte) (0xC0 | (c >> 6));
            buffer[position++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buffer[position++] = (byte) (0xE0 | (c >> 12));
            buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[position++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void writeModifiedUtf8Char(char c) {
        if (c >= 1 && c < 0x80) {
            write(c);
        } else if (c < 0x800) {
            ensure(2);
            buffer[position++] = (byte) (0xC0 | (c >> 6));
            buffer[position++] = (byte) (0x80 | (c & 0x3F));
        } else {
            writeCharAsUtf8(c);
        }
    }
}

package io.spate.common.io;

import io.spate.annotations.Public;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Where serializers write: {@link DataOutput} (big-endian fixed-width values) plus compact
 * variable-length integers and a string encoding without a length limit.
 */
@Public
public interface DataOutputView extends DataOutput {

    /** Writes an int as 1–5 bytes; small non-negative values are short. Negative values take 5. */
    void writeVarInt(int value) throws IOException;

    /** Writes a long as 1–10 bytes; small non-negative values are short. */
    void writeVarLong(long value) throws IOException;

    /**
     * Writes a non-null string of any length; {@link DataInputView#readString()} reads it back
     * exactly, unpaired surrogates included.
     */
    void writeString(String value) throws IOException;

    /** Writes an int with zig-zag encoding, so that small negative values are short too. */
    default void writeSignedVarInt(int value) throws IOException {
        writeVarInt((value << 1) ^ (value >> 31));
    }

    /** Writes a long with zig-zag encoding, so that small negative values are short too. */
    default void writeSignedVarLong(long value) throws IOException {
        writeVarLong((value << 1) ^ (value >> 63));
    }
}

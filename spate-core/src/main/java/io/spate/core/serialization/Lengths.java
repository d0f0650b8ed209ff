package io.spate.core.serialization;

import io.spate.common.io.DataInputView;
import io.spate.common.io.MemoryDataInput;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the length prefix of an array, collection or map and rejects one that the data cannot hold,
 * before anything of that size is allocated: a corrupt or hostile length must fail with an error,
 * not with an {@link OutOfMemoryError}.
 */
final class Lengths {
    /** Collections start at most this large and grow, whatever length the data claims. */
    static final int MAX_INITIAL_CAPACITY = 1 << 16;

    private Lengths() {}

    /**
     * Reads a length written with {@link io.spate.common.io.DataOutputView#writeVarInt}.
     *
     * @param minBytesPerElement the fewest bytes one element takes, to check the length against the
     *     bytes that remain when the input knows them
     * @param what the kind of value, for the error message
     */
    static int read(DataInputView in, int minBytesPerElement, String what) throws IOException {
        int length = in.readVarInt();
        if (length < 0) {
            throw new IOException("Malformed " + what + ": negative length " + length);
        }
        if (in instanceof MemoryDataInput) {
            int remaining = ((MemoryDataInput) in).remaining();
            if ((long) length * minBytesPerElement > remaining) {
                throw new EOFException(
                        "Malformed "
                                + what
                                + ": length "
                                + length
                                + " needs at least "
                                + (long) length * minBytesPerElement
                                + " bytes but only "
                                + remaining
                                + " remain");
            }
        }
        return length;
    }

    /** An initial capacity for a hash-based collection that will hold {@code size} entries. */
    static int hashCapacity(int size) {
        return (int) Math.min(MAX_INITIAL_CAPACITY, size / 0.75d + 1);
    }
}

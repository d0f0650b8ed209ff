package io.spate.common.io;

import io.spate.annotations.Public;
import java.io.DataInput;
import java.io.IOException;

/** Where serializers read from: the counterpart of {@link DataOutputView}. */
@Public
public interface DataInputView extends DataInput {

    int readVarInt() throws IOException;

    long readVarLong() throws IOException;

    String readString() throws IOException;

    default int readSignedVarInt() throws IOException {
        int v = readVarInt();
        return (v >>> 1) ^ -(v & 1);
    }

    default long readSignedVarLong() throws IOException {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }
}

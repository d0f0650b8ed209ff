package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;

/**
 * Writes, reads and deep-copies the values one state keeps per key (and namespace). {@link #write}
 * and {@link #read} may run on the snapshot thread; {@link #copy} only on the task thread.
 */
@NotThreadSafe
abstract class ValueCodec<V> {
    private final MemoryDataOutput scratch = new MemoryDataOutput(64);
    private boolean immutable;

    /** Whether values can never change in place, so that snapshots may share them as they are. */
    boolean isImmutable() {
        return immutable;
    }

    /** Marks the values as immutable (see {@link Immutables}). */
    ValueCodec<V> immutable(boolean value) {
        this.immutable = value;
        return this;
    }

    private final MemoryDataInput scratchIn = new MemoryDataInput(new byte[0]);

    abstract void write(V value, DataOutputView out) throws IOException;

    abstract V read(DataInputView in) throws IOException;

    /** A copy that shares no mutable part with {@code value} (the value itself when immutable). */
    V copy(V value) {
        if (immutable) {
            return value;
        }
        try {
            scratch.clear();
            write(value, scratch);
            scratchIn.reset(scratch.buffer(), 0, scratch.size());
            return read(scratchIn);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy a state value", e);
        }
    }

    /** Values written with a serializer of their type. */
    static <V> ValueCodec<V> of(TypeSerializer<V> serializer) {
        return new ValueCodec<>() {
            @Override
            void write(V value, DataOutputView out) throws IOException {
                serializer.serialize(value, out);
            }

            @Override
            V read(DataInputView in) throws IOException {
                return serializer.deserialize(in);
            }
        };
    }

    /** The lists of list state, with a serializer of their elements. */
    static <T> ValueCodec<ArrayList<T>> listOf(TypeSerializer<T> element) {
        return new ValueCodec<>() {
            @Override
            void write(ArrayList<T> list, DataOutputView out) throws IOException {
                out.writeVarInt(list.size());
                for (T t : list) {
                    element.serialize(t, out);
                }
            }

            @Override
            ArrayList<T> read(DataInputView in) throws IOException {
                int n = in.readVarInt();
                ArrayList<T> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(element.deserialize(in));
                }
                return list;
            }
        };
    }
}

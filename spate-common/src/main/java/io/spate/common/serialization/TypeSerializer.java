package io.spate.common.serialization;

import io.spate.annotations.Public;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back. Spate chooses a serializer for every stream and
 * every piece of state when a job is built; users register their own for types Spate cannot handle
 * ({@code env.getConfig().registerSerializer(Type.class, serializer)}).
 *
 * <p>Contract: {@code deserialize} reads exactly the bytes {@code serialize} wrote and returns a
 * value equal to the original. A serializer is shipped with the job, so it is {@link Serializable};
 * one instance may be used by several threads at once, so it keeps no mutable state.
 *
 * @param <T> the type of the values
 */
@Public
public interface TypeSerializer<T> extends Serializable {

    void serialize(T value, DataOutputView out) throws IOException;

    T deserialize(DataInputView in) throws IOException;
}

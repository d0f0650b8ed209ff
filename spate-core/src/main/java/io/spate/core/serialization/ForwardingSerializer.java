package io.spate.core.serialization;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;

/**
 * Stands in for the serializer of a recursive type while that serializer is being built: a {@code
 * record Node(String name, List<Node> children)} needs the serializer of {@code Node} to build the
 * serializer of {@code List<Node>}. The factory points this at the finished serializer before it
 * returns, so by the time anyone serializes, every call is forwarded.
 *
 * @param <T> the recursive type
 */
final class ForwardingSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final TypeInfo<T> type;

    // Volatile because the target is set after the serializers that hold this one were
    // constructed, so their final fields do not publish it.
    private volatile TypeSerializer<T> target;

    ForwardingSerializer(TypeInfo<T> type) {
        this.type = type;
    }

    void setTarget(TypeSerializer<T> target) {
        this.target = target;
    }

    private TypeSerializer<T> target() {
        TypeSerializer<T> t = target;
        if (t == null) {
            throw new IllegalStateException("The serializer of " + type + " is not built yet");
        }
        return t;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        target().serialize(value, out);
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        return target().deserialize(in);
    }

    @Override
    public String toString() {
        return "Recursive(" + type + ")";
    }
}

package io.spate.core.serialization;

import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Values of a sealed interface or class: a tag that says which of its concrete classes the value
 * belongs to (a variable-length int, one byte for the first 128), then the value as that class's
 * own serializer writes it.
 *
 * <p>The tags number the concrete classes in the order {@link SerializerFactory} found them: a
 * depth-first walk of {@link Class#getPermittedSubclasses()} in declaration order, where a sealed
 * class that is itself instantiable comes before its own subclasses, and a class reached twice
 * keeps its first tag. Like enum ordinals, the tags change when the {@code permits} clauses are
 * reordered or a class is inserted before others, which changes the meaning of stored data;
 * appending a class at the end of the walk keeps the old tags.
 *
 * <p>A value's class is found by identity among the known classes; failing that (an enum constant
 * with a body, or a subclass of a class with a registered serializer), by the first known class it
 * is assignable to.
 *
 * @param <T> the sealed type
 */
final class SealedSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    /** Up to this many classes, a linear scan by identity is faster than a hash look-up. */
    private static final int LINEAR_SCAN_LIMIT = 8;

    private final Class<T> type;
    private final Class<?>[] classes;
    private final TypeSerializer<Object>[] serializers;

    private transient Map<Class<?>, Integer> tags;

    @SuppressWarnings("unchecked")
    SealedSerializer(Class<T> type, Class<?>[] classes, TypeSerializer<?>[] serializers) {
        if (classes.length != serializers.length || classes.length == 0) {
            throw new IllegalArgumentException(
                    "one serializer per class, and at least one class, for " + type.getName());
        }
        this.type = type;
        this.classes = classes.clone();
        this.serializers = (TypeSerializer<Object>[]) serializers.clone();
        index();
    }

    private void index() {
        if (classes.length > LINEAR_SCAN_LIMIT) {
            tags = new HashMap<>(classes.length * 2);
            for (int i = 0; i < classes.length; i++) {
                tags.putIfAbsent(classes[i], i);
            }
        }
    }

    /** The concrete classes in tag order, for tests. */
    Class<?>[] classes() {
        return classes.clone();
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        int tag = tagOf(value.getClass());
        out.writeVarInt(tag);
        serializers[tag].serialize(value, out);
    }

    private int tagOf(Class<?> c) {
        Class<?>[] known = classes;
        if (tags == null) {
            for (int i = 0; i < known.length; i++) {
                if (known[i] == c) {
                    return i;
                }
            }
        } else {
            Integer tag = tags.get(c);
            if (tag != null) {
                return tag;
            }
        }
        for (int i = 0; i < known.length; i++) {
            if (known[i].isAssignableFrom(c)) {
                return i;
            }
        }
        throw new UnsupportedSubclassException(type, c, "it is none of " + classList());
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        int tag = in.readVarInt();
        if (tag < 0 || tag >= serializers.length) {
            throw new IOException(
                    "Malformed data: tag "
                            + tag
                            + " of the sealed type "
                            + type.getName()
                            + ", which has "
                            + serializers.length
                            + " concrete classes "
                            + classList()
                            + ": the data was written with a different version of the type, or is"
                            + " corrupt");
        }
        @SuppressWarnings("unchecked")
        T value = (T) serializers[tag].deserialize(in);
        return value;
    }

    private String classList() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Class<?> c : classes) {
            j.add(c.getName());
        }
        return j.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        index();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "Sealed " + type.getName() + "(", ")");
        for (int i = 0; i < classes.length; i++) {
            j.add(i + ": " + serializers[i]);
        }
        return j.toString();
    }
}

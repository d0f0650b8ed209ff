package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Lists, sets and other collections: the size as a variable-length int, then each element in
 * iteration order. What comes back is the {@link Kind} chosen for the declared type, whatever class
 * the value had: a {@code List} is read as an {@code ArrayList}, a {@code Set} as a {@code
 * LinkedHashSet} (so iteration order survives the trip), a {@code SortedSet} as a {@code TreeSet}
 * with natural ordering.
 *
 * @param <E> the element type
 * @param <C> the collection type
 */
@Internal
public final class CollectionSerializer<E, C extends Collection<E>> implements TypeSerializer<C> {
    private static final long serialVersionUID = 1L;

    /** The collection class that deserialization creates. */
    public enum Kind {
        ARRAY_LIST,
        LINKED_LIST,
        HASH_SET,
        LINKED_HASH_SET,
        TREE_SET;

        Collection<Object> create(int size) {
            switch (this) {
                case ARRAY_LIST:
                    return new ArrayList<>(Math.min(size, Lengths.MAX_INITIAL_CAPACITY));
                case LINKED_LIST:
                    return new LinkedList<>();
                case HASH_SET:
                    return new HashSet<>(Lengths.hashCapacity(size));
                case LINKED_HASH_SET:
                    return new LinkedHashSet<>(Lengths.hashCapacity(size));
                case TREE_SET:
                    return new TreeSet<>();
                default:
                    throw new AssertionError(this);
            }
        }
    }

    private final TypeSerializer<E> element;
    private final Kind kind;
    private final int minElementBytes;

    /**
     * @param element the serializer of the elements; wrap it in a {@link NullableSerializer} when
     *     elements may be null
     * @param kind what deserialization creates
     */
    public CollectionSerializer(TypeSerializer<E> element, Kind kind) {
        this.element = Objects.requireNonNull(element, "element");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.minElementBytes = element instanceof NullableSerializer ? 1 : 0;
    }

    @Override
    public void serialize(C value, DataOutputView out) throws IOException {
        if (kind == Kind.TREE_SET
                && value instanceof SortedSet
                && ((SortedSet<E>) value).comparator() != null) {
            // The comparator is not part of the type, so the reader could not rebuild the order.
            throw new IllegalArgumentException(
                    "Cannot serialize a sorted set with a custom comparator ("
                            + ((SortedSet<E>) value).comparator().getClass().getName()
                            + "): it would be read back with natural ordering. Register a"
                            + " serializer for the type, or use natural ordering");
        }
        int size = value.size();
        out.writeVarInt(size);
        if (value instanceof List && value instanceof RandomAccess) {
            List<E> list = (List<E>) value;
            for (int i = 0; i < size; i++) {
                element.serialize(list.get(i), out);
            }
            return;
        }
        int written = 0;
        for (E e : value) {
            element.serialize(e, out);
            written++;
        }
        if (written != size) {
            throw new ConcurrentModificationException(
                    "The collection reported size " + size + " but had " + written + " elements");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public C deserialize(DataInputView in) throws IOException {
        int size = Lengths.read(in, minElementBytes, "collection");
        Collection<Object> result = kind.create(size);
        for (int i = 0; i < size; i++) {
            result.add(element.deserialize(in));
        }
        return (C) result;
    }

    @Override
    public String toString() {
        return kind + "(" + element + ")";
    }
}

package io.spate.core.serialization;

import io.spate.annotations.Internal;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps: the size as a variable-length int, then each key and its value in iteration order. What
 * comes back is the {@link Kind} chosen for the declared type: a {@code Map} is read as a {@code
 * LinkedHashMap} (so iteration order survives the trip), a {@code SortedMap} as a {@code TreeMap}
 * with natural ordering.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <M> the map type
 */
@Internal
public final class MapSerializer<K, V, M extends Map<K, V>> implements TypeSerializer<M> {
    private static final long serialVersionUID = 1L;

    /** The map class that deserialization creates. */
    public enum Kind {
        HASH_MAP,
        LINKED_HASH_MAP,
        TREE_MAP;

        Map<Object, Object> create(int size) {
            switch (this) {
                case HASH_MAP:
                    return new HashMap<>(Lengths.hashCapacity(size));
                case LINKED_HASH_MAP:
                    return new LinkedHashMap<>(Lengths.hashCapacity(size));
                case TREE_MAP:
                    return new TreeMap<>();
                default:
                    throw new AssertionError(this);
            }
        }
    }

    private final TypeSerializer<K> key;
    private final TypeSerializer<V> value;
    private final Kind kind;
    private final int minEntryBytes;

    /**
     * @param key the serializer of the keys; wrap it in a {@link NullableSerializer} when a key may
     *     be null
     * @param value the serializer of the values, likewise
     * @param kind what deserialization creates
     */
    public MapSerializer(TypeSerializer<K> key, TypeSerializer<V> value, Kind kind) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.minEntryBytes =
                (key instanceof NullableSerializer ? 1 : 0)
                        + (value instanceof NullableSerializer ? 1 : 0);
    }

    @Override
    public void serialize(M map, DataOutputView out) throws IOException {
        if (kind == Kind.TREE_MAP
                && map instanceof SortedMap
                && ((SortedMap<K, V>) map).comparator() != null) {
            // The comparator is not part of the type, so the reader could not rebuild the order.
            throw new IllegalArgumentException(
                    "Cannot serialize a sorted map with a custom comparator ("
                            + ((SortedMap<K, V>) map).comparator().getClass().getName()
                            + "): it would be read back with natural ordering. Register a"
                            + " serializer for the type, or use natural ordering");
        }
        int size = map.size();
        out.writeVarInt(size);
        int written = 0;
        for (Map.Entry<K, V> e : map.entrySet()) {
            key.serialize(e.getKey(), out);
            value.serialize(e.getValue(), out);
            written++;
        }
        if (written != size) {
            throw new ConcurrentModificationException(
                    "The map reported size " + size + " but had " + written + " entries");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public M deserialize(DataInputView in) throws IOException {
        int size = Lengths.read(in, minEntryBytes, "map");
        Map<Object, Object> result = kind.create(size);
        for (int i = 0; i < size; i++) {
            Object k = key.deserialize(in);
            result.put(k, value.deserialize(in));
        }
        if (result.size() != size) {
            throw new IOException(
                    "Malformed map: "
                            + size
                            + " entries written but only "
                            + result.size()
                            + " distinct keys read");
        }
        return (M) result;
    }

    @Override
    public String toString() {
        return kind + "(" + key + ", " + value + ")";
    }
}

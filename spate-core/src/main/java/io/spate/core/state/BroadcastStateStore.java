package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.BroadcastState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReadOnlyBroadcastState;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.checkpoint.OperatorListState;
import io.spate.core.serialization.SerializerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The broadcast state of one subtask of a broadcast operator: one map on the heap per state that
 * the job declared with {@code stream.broadcast(descriptors)}, found by the descriptor's name.
 * Every subtask holds its own copy; the copies stay equal because only the broadcast side, which
 * sees the same elements everywhere, writes them.
 *
 * <p>This is operator state, not keyed state: it belongs to the subtask, not to a key group. Each
 * subtask checkpoints its maps as they are ({@link #snapshot}); on restore, and on rescaling, every
 * new subtask gets old subtask 0's copy, since the copies are equal.
 *
 * <p>Owned by the subtask's thread: no method may be called from another thread.
 */
@Internal
@NotThreadSafe
public final class BroadcastStateStore {
    private final String operatorName;
    private final Map<String, HeapBroadcastState<?, ?>> states = new LinkedHashMap<>();

    /**
     * An empty store for the states {@code declared} names.
     *
     * @param operatorName the operator, for error messages
     */
    public BroadcastStateStore(String operatorName, List<MapStateDescriptor<?, ?>> declared) {
        this.operatorName = operatorName;
        for (MapStateDescriptor<?, ?> d : declared) {
            states.put(d.getName(), new HeapBroadcastState<>(d));
        }
    }

    /** The read-write state {@code descriptor} names; for the broadcast side. */
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        return lookUp(descriptor);
    }

    /** A read-only view of the state {@code descriptor} names; for the non-broadcast side. */
    public <K, V> ReadOnlyBroadcastState<K, V> getReadOnlyBroadcastState(
            MapStateDescriptor<K, V> descriptor) {
        return lookUp(descriptor).readOnly;
    }

    /** The operator-state name under which broadcast state {@code name} is checkpointed. */
    public static String snapshotName(String name) {
        return "broadcast:" + name;
    }

    /**
     * Serializes every state for a checkpoint: one list per state, of serialized key-value entries,
     * restored whole by every new subtask (the copies are equal).
     */
    public Map<String, OperatorListState> snapshot(SerializerFactory serializers) {
        Map<String, OperatorListState> result = new LinkedHashMap<>();
        MemoryDataOutput out = new MemoryDataOutput(64);
        for (Map.Entry<String, HeapBroadcastState<?, ?>> e : states.entrySet()) {
            result.put(snapshotName(e.getKey()), e.getValue().serialize(serializers, out));
        }
        return result;
    }

    /** Fills the states from a checkpoint's lists (as {@link #snapshot} wrote them). */
    public void restore(Map<String, OperatorListState> lists, SerializerFactory serializers)
            throws IOException {
        for (Map.Entry<String, HeapBroadcastState<?, ?>> e : states.entrySet()) {
            OperatorListState saved = lists.get(snapshotName(e.getKey()));
            if (saved != null) {
                e.getValue().deserialize(saved, serializers);
            }
        }
    }

    /** Every state's contents by name, read-only; for snapshots and tests. */
    public Map<String, Map<?, ?>> states() {
        Map<String, Map<?, ?>> view = new LinkedHashMap<>();
        states.forEach((name, state) -> view.put(name, Collections.unmodifiableMap(state.map)));
        return view;
    }

    @SuppressWarnings("unchecked")
    private <K, V> HeapBroadcastState<K, V> lookUp(MapStateDescriptor<K, V> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        HeapBroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalStateException(
                    "Operator '"
                            + operatorName
                            + "' has no broadcast state '"
                            + descriptor.getName()
                            + "'; declare it with broadcast(descriptor) on the broadcast stream"
                            + " (declared: "
                            + states.keySet()
                            + ")");
        }
        MapStateDescriptor<?, ?> declared = state.descriptor;
        if (!declared.getKeyType().equals(descriptor.getKeyType())
                || !declared.getValueType().equals(descriptor.getValueType())) {
            throw new IllegalStateException(
                    "Broadcast state '"
                            + descriptor.getName()
                            + "' of operator '"
                            + operatorName
                            + "' was declared with types "
                            + declared.getType()
                            + " but is asked for as "
                            + descriptor.getType());
        }
        return (HeapBroadcastState<K, V>) state;
    }

    /** One broadcast state: a hash map, and a read-only view of it. */
    private static final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
        final MapStateDescriptor<?, ?> descriptor;
        final HashMap<K, V> map = new HashMap<>();
        final ReadOnlyBroadcastState<K, V> readOnly = new ReadOnlyView();

        HeapBroadcastState(MapStateDescriptor<?, ?> descriptor) {
            this.descriptor = descriptor;
        }

        @SuppressWarnings("unchecked")
        OperatorListState serialize(SerializerFactory serializers, MemoryDataOutput out) {
            TypeSerializer<K> keys =
                    (TypeSerializer<K>) serializers.create(descriptor.getKeyType());
            TypeSerializer<V> values =
                    (TypeSerializer<V>) serializers.create(descriptor.getValueType());
            List<byte[]> entries = new ArrayList<>(map.size());
            try {
                for (Map.Entry<K, V> e : map.entrySet()) {
                    out.clear();
                    keys.serialize(e.getKey(), out);
                    out.writeBoolean(e.getValue() != null);
                    if (e.getValue() != null) {
                        values.serialize(e.getValue(), out);
                    }
                    entries.add(out.toByteArray());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new OperatorListState(OperatorListState.Mode.BROADCAST, entries);
        }

        @SuppressWarnings("unchecked")
        void deserialize(OperatorListState saved, SerializerFactory serializers)
                throws IOException {
            TypeSerializer<K> keys =
                    (TypeSerializer<K>) serializers.create(descriptor.getKeyType());
            TypeSerializer<V> values =
                    (TypeSerializer<V>) serializers.create(descriptor.getValueType());
            MemoryDataInput in = new MemoryDataInput(new byte[0]);
            for (byte[] bytes : saved.elements()) {
                in.reset(bytes, 0, bytes.length);
                K key = keys.deserialize(in);
                map.put(key, in.readBoolean() ? values.deserialize(in) : null);
            }
        }

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void put(K key, V value) {
            map.put(Objects.requireNonNull(key, "key"), value);
        }

        @Override
        public void putAll(Map<K, V> entries) {
            entries.forEach(this::put);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return map.entrySet().iterator();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }

        /** The non-broadcast side's view: the same map, no writes. */
        private final class ReadOnlyView implements ReadOnlyBroadcastState<K, V> {
            @Override
            public V get(K key) {
                return map.get(key);
            }

            @Override
            public boolean contains(K key) {
                return map.containsKey(key);
            }

            @Override
            public Iterable<Map.Entry<K, V>> immutableEntries() {
                return Collections.unmodifiableMap(map).entrySet();
            }

            @Override
            public boolean isEmpty() {
                return map.isEmpty();
            }
        }
    }
}

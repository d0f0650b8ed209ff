package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.StateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.io.DataInputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalListState;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalReducingState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.KeyedStateSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state in hash maps on the heap: one {@link StateTable} per state name, each split by key
 * group so that a snapshot and a rescale take whole key groups. Snapshots are copy-on-write ({@link
 * CowVersions}): taking one freezes the current maps in O(key groups), and the frozen view is
 * written by the snapshot thread while processing goes on.
 *
 * <p>Restored values wait, as bytes, until their state is registered (operators register their
 * states when they open, after the restore), then are decoded with that state's serializer.
 *
 * @param <K> the key type
 */
@NotThreadSafe
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final KeyedBackendParameters<K> parameters;
    private final String operatorName;
    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final CowVersions versions = new CowVersions();
    private final Map<String, StateTable<K, ?>> states = new LinkedHashMap<>();
    private final Map<String, List<Restored>> pendingRestore = new HashMap<>();
    private final SnapshotCodec<K> snapshotCodec;

    private K currentKey;
    private int currentKeyGroup = -1;

    /** Bytes of one state in one key group, waiting for the state to be registered. */
    record Restored(String kind, boolean ttl, int keyGroup, byte[] bytes) {}

    public HeapKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        this.parameters = parameters;
        this.operatorName = parameters.operatorName();
        this.keyGroupRange = parameters.keyGroupRange();
        this.maxParallelism = parameters.maxParallelism();
        this.snapshotCodec = new SnapshotCodec<>(parameters);
    }

    @Override
    public KeyedBackendParameters<K> parameters() {
        return parameters;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException(
                    "The key '"
                            + key
                            + "' belongs to key group "
                            + keyGroup
                            + ", which subtask of '"
                            + operatorName
                            + "' owning "
                            + keyGroupRange
                            + " does not hold. Is the key's hashCode() deterministic across JVMs"
                            + " (not an enum, not an identity hash)?");
        }
        currentKey = key;
        currentKeyGroup = keyGroup;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public void clearCurrentKey() {
        currentKey = null;
        currentKeyGroup = -1;
    }

    @Override
    public List<K> getKeys(String stateName) {
        List<K> keys = new ArrayList<>();
        StateTable<K, ?> table = states.get(stateName);
        if (table != null) {
            table.collectKeys(keys);
        }
        return keys;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    /** The table of {@code descriptor}, created on first use; its kind must not change. */
    @SuppressWarnings("unchecked")
    private <V> StateTable<K, V> table(
            StateDescriptor<?> descriptor,
            String kind,
            java.util.function.Supplier<ValueCodec<V>> codec) {
        StateTable<K, ?> existing = states.get(descriptor.getName());
        if (existing != null) {
            if (!existing.kind.equals(kind)) {
                throw new IllegalStateException(
                        "State '"
                                + descriptor.getName()
                                + "' of operator '"
                                + operatorName
                                + "' is a "
                                + existing.kind
                                + " state and cannot be used as a "
                                + kind
                                + " state");
            }
            return (StateTable<K, V>) existing;
        }
        StateTable<K, V> table =
                new StateTable<>(descriptor.getName(), kind, keyGroupRange, versions);
        try {
            table.codec = codec.get();
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "State '"
                            + descriptor.getName()
                            + "' of operator '"
                            + operatorName
                            + "' cannot be stored in checkpoints: "
                            + e.getMessage(),
                    e);
        }
        if (descriptor.getTtlConfig() != null) {
            table.ttl = new StateTable.Ttl(descriptor.getTtlConfig(), parameters.clock());
        }
        states.put(descriptor.getName(), table);
        List<Restored> restored = pendingRestore.remove(descriptor.getName());
        if (restored != null) {
            for (Restored r : restored) {
                if (!r.kind().equals(kind)) {
                    throw new IllegalStateException(
                            "State '"
                                    + descriptor.getName()
                                    + "' of operator '"
                                    + operatorName
                                    + "' was restored as a "
                                    + r.kind()
                                    + " state but is now used as a "
                                    + kind
                                    + " state");
                }
                try {
                    snapshotCodec.decode(
                            table, r.keyGroup(), r.ttl(), new MemoryDataInput(r.bytes()));
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "Cannot restore state '"
                                    + descriptor.getName()
                                    + "': "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        return table;
    }

    private <T> TypeSerializer<T> serializer(TypeInfo<T> type) {
        return parameters.serializers().create(type);
    }

    @Override
    public <T> InternalValueState<T> getValueState(ValueStateDescriptor<T> descriptor) {
        StateTable<K, T> t =
                table(
                        descriptor,
                        "value",
                        () ->
                                ValueCodec.of(serializer(descriptor.getType()))
                                        .immutable(Immutables.isImmutable(descriptor.getType())));
        return new HeapValueState<>(this, t, descriptor.getDefaultValue());
    }

    @Override
    public <T> InternalListState<T> getListState(ListStateDescriptor<T> descriptor) {
        StateTable<K, ArrayList<T>> t =
                table(
                        descriptor,
                        "list",
                        () -> ValueCodec.listOf(serializer(descriptor.getType())));
        return new HeapListState<>(this, t);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <UK, UV> InternalMapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        StateTable<K, HashMap<UK, UV>> t =
                table(
                        descriptor,
                        "map",
                        () ->
                                (ValueCodec)
                                        ValueCodec.of(
                                                new HashMapSerializer<>(
                                                        serializer(descriptor.getType()))));
        return new HeapMapState<>(this, t);
    }

    @Override
    public <T> InternalReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        StateTable<K, T> t =
                table(
                        descriptor,
                        "reducing",
                        () ->
                                ValueCodec.of(serializer(descriptor.getType()))
                                        .immutable(Immutables.isImmutable(descriptor.getType())));
        return new HeapReducingState<>(this, t, descriptor.getReduceFunction());
    }

    @Override
    public <IN, ACC, OUT> InternalAggregatingState<IN, ACC, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        StateTable<K, ACC> t =
                table(
                        descriptor,
                        "aggregating",
                        () ->
                                ValueCodec.of(serializer(descriptor.getType()))
                                        .immutable(Immutables.isImmutable(descriptor.getType())));
        return new HeapAggregatingState<>(this, t, descriptor.getAggregateFunction());
    }

    @Override
    public long numberOfEntries() {
        long n = 0;
        for (StateTable<K, ?> t : states.values()) {
            n += t.size();
        }
        for (List<Restored> r : pendingRestore.values()) {
            n += r.size();
        }
        return n;
    }

    /** {@link #numberOfEntries()} counted one by one; for tests. */
    long countEntries() {
        long n = 0;
        for (StateTable<K, ?> t : states.values()) {
            n += t.countEntries();
        }
        for (List<Restored> r : pendingRestore.values()) {
            n += r.size();
        }
        return n;
    }

    @Override
    public KeyedStateSnapshot snapshot() {
        int version = versions.startSnapshot();
        List<SnapshotCodec.Frozen<K>> frozen = new ArrayList<>(states.size());
        for (StateTable<K, ?> t : states.values()) {
            frozen.add(SnapshotCodec.freeze(t));
        }
        Map<String, List<Restored>> pending = new HashMap<>();
        pendingRestore.forEach((k, v) -> pending.put(k, List.copyOf(v)));
        return snapshotCodec.snapshot(
                keyGroupRange, frozen, pending, () -> versions.endSnapshot(version));
    }

    @Override
    public void restoreKeyGroup(int keyGroup, DataInputView part) throws IOException {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException(
                    "Key group " + keyGroup + " is outside this subtask's " + keyGroupRange);
        }
        int count = part.readVarInt();
        for (int i = 0; i < count; i++) {
            String name = part.readString();
            String kind = part.readString();
            boolean ttl = part.readBoolean();
            byte[] bytes = new byte[part.readVarInt()];
            part.readFully(bytes);
            StateTable<K, ?> table = states.get(name);
            if (table != null) {
                if (!table.kind.equals(kind)) {
                    throw new IllegalStateException(
                            "State '"
                                    + name
                                    + "' was restored as a "
                                    + kind
                                    + " state but is a "
                                    + table.kind
                                    + " state");
                }
                snapshotCodec.decode(table, keyGroup, ttl, new MemoryDataInput(bytes));
            } else {
                pendingRestore
                        .computeIfAbsent(name, n -> new ArrayList<>())
                        .add(new Restored(kind, ttl, keyGroup, bytes));
            }
        }
    }

    /** Throws unless a current key is set; every state access goes through here. */
    K requireKey() {
        if (currentKeyGroup < 0) {
            throw new IllegalStateException(
                    "Keyed state of '"
                            + operatorName
                            + "' was used outside the processing of a key (on the broadcast side of"
                            + " a keyed broadcast function, reach keyed state through"
                            + " applyToKeyedState)");
        }
        return currentKey;
    }

    int currentKeyGroupIndex() {
        return currentKeyGroup;
    }

    @Override
    public void close() {
        states.clear();
        pendingRestore.clear();
    }
}

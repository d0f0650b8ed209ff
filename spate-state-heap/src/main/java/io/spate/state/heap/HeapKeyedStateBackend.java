package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.StateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.core.state.InternalAggregatingState;
import io.spate.core.state.InternalListState;
import io.spate.core.state.InternalMapState;
import io.spate.core.state.InternalReducingState;
import io.spate.core.state.InternalValueState;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state in hash maps, one {@link StateTable} per state name, each split by key group so that
 * a snapshot and a rescale can take whole key groups.
 *
 * @param <K> the key type
 */
@NotThreadSafe
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final String operatorName;
    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final Map<String, RegisteredState> states = new HashMap<>();

    private K currentKey;
    private int currentKeyGroup = -1;

    public HeapKeyedStateBackend(
            String operatorName, KeyGroupRange keyGroupRange, int maxParallelism) {
        this.operatorName = operatorName;
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
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
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public void clearCurrentKey() {
        currentKey = null;
        currentKeyGroup = -1;
    }

    @Override
    public List<K> getKeys(String stateName) {
        List<K> keys = new ArrayList<>();
        RegisteredState registered = states.get(stateName);
        if (registered != null) {
            @SuppressWarnings("unchecked")
            StateTable<K, ?> table = (StateTable<K, ?>) registered.table;
            table.collectKeys(keys);
        }
        return keys;
    }

    /** The table of {@code descriptor}, created on first use; its kind must not change. */
    @SuppressWarnings("unchecked")
    private <V> StateTable<K, V> table(StateDescriptor<?> descriptor, String kind) {
        RegisteredState registered = states.get(descriptor.getName());
        if (registered == null) {
            registered = new RegisteredState(kind, new StateTable<>(keyGroupRange));
            states.put(descriptor.getName(), registered);
        } else if (!registered.kind.equals(kind)) {
            throw new IllegalStateException(
                    "State '"
                            + descriptor.getName()
                            + "' of operator '"
                            + operatorName
                            + "' is a "
                            + registered.kind
                            + " state and cannot be used as a "
                            + kind
                            + " state");
        }
        return (StateTable<K, V>) registered.table;
    }

    @Override
    public <T> InternalValueState<T> getValueState(ValueStateDescriptor<T> descriptor) {
        return new HeapValueState<>(this, table(descriptor, "value"), descriptor.getDefaultValue());
    }

    @Override
    public <T> InternalListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return new HeapListState<>(this, table(descriptor, "list"));
    }

    @Override
    public <UK, UV> InternalMapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return new HeapMapState<>(this, table(descriptor, "map"));
    }

    @Override
    public <T> InternalReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return new HeapReducingState<>(
                this, table(descriptor, "reducing"), descriptor.getReduceFunction());
    }

    @Override
    public <IN, ACC, OUT> InternalAggregatingState<IN, ACC, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return new HeapAggregatingState<>(
                this, table(descriptor, "aggregating"), descriptor.getAggregateFunction());
    }

    @Override
    public long numberOfEntries() {
        long n = 0;
        for (RegisteredState s : states.values()) {
            n += s.table.size();
        }
        return n;
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
    }

    private static final class RegisteredState {
        final String kind;
        final StateTable<?, ?> table;

        RegisteredState(String kind, StateTable<?, ?> table) {
            this.kind = kind;
            this.table = table;
        }
    }
}

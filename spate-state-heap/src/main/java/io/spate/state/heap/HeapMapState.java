package io.spate.state.heap;

import io.spate.api.common.state.MapState;
import java.util.HashMap;
import java.util.Map;

final class HeapMapState<K, UK, UV> implements MapState<UK, UV> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, HashMap<UK, UV>> table;

    HeapMapState(HeapKeyedStateBackend<K> backend, StateTable<K, HashMap<UK, UV>> table) {
        this.backend = backend;
        this.table = table;
    }

    private Map<UK, UV> current() {
        Map<UK, UV> m = table.get(backend.currentKeyGroupIndex(), backend.requireKey());
        return m == null ? Map.of() : m;
    }

    private HashMap<UK, UV> currentForWrite() {
        K key = backend.requireKey();
        HashMap<UK, UV> m = table.get(backend.currentKeyGroupIndex(), key);
        if (m == null) {
            m = new HashMap<>();
            table.put(backend.currentKeyGroupIndex(), key, m);
        }
        return m;
    }

    @Override
    public UV get(UK key) {
        return current().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        currentForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map.isEmpty()) {
            backend.requireKey();
            return;
        }
        currentForWrite().putAll(map);
    }

    @Override
    public void remove(UK key) {
        K k = backend.requireKey();
        HashMap<UK, UV> m = table.get(backend.currentKeyGroupIndex(), k);
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                table.remove(backend.currentKeyGroupIndex(), k);
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return current().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return current().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return current().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return current().values();
    }

    @Override
    public boolean isEmpty() {
        return current().isEmpty();
    }

    @Override
    public void clear() {
        table.remove(backend.currentKeyGroupIndex(), backend.requireKey());
    }
}

package io.spate.state.heap;

import io.spate.core.state.InternalMapState;
import java.util.HashMap;
import java.util.Map;

final class HeapMapState<K, UK, UV> extends AbstractHeapState<K, HashMap<UK, UV>>
        implements InternalMapState<UK, UV> {

    HeapMapState(HeapKeyedStateBackend<K> backend, StateTable<K, HashMap<UK, UV>> table) {
        super(backend, table);
    }

    private Map<UK, UV> read() {
        Map<UK, UV> m = current();
        return m == null ? Map.of() : m;
    }

    private HashMap<UK, UV> write() {
        HashMap<UK, UV> m = current();
        if (m == null) {
            m = new HashMap<>();
            setCurrent(m);
        }
        return m;
    }

    @Override
    public UV get(UK key) {
        return read().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        write().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map.isEmpty()) {
            backend.requireKey();
            return;
        }
        write().putAll(map);
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, UV> m = current();
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                clear();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return read().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return read().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return read().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return read().values();
    }

    @Override
    public boolean isEmpty() {
        return read().isEmpty();
    }
}

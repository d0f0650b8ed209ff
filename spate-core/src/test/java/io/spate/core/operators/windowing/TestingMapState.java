package io.spate.core.operators.windowing;

import io.spate.core.state.InternalMapState;
import java.util.HashMap;
import java.util.Map;

/** A map state of a single key and namespace, in a plain map. */
final class TestingMapState<K, V> implements InternalMapState<K, V> {
    final Map<K, V> map = new HashMap<>();

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> m) {
        map.putAll(m);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public Iterable<K> keys() {
        return map.keySet();
    }

    @Override
    public Iterable<V> values() {
        return map.values();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public void setCurrentNamespace(Object namespace) {}

    @Override
    public void clearAllNamespaces() {
        map.clear();
    }
}

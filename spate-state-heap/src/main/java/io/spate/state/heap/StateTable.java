package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.VoidNamespace;
import java.util.HashMap;

/**
 * The values of one state for all keys and namespaces of a subtask, by key group. Values in the
 * {@link VoidNamespace} (ordinary keyed state) sit in a flat map per key group, one look-up per
 * access; values in other namespaces (windows) in a map of maps, so that all windows of a key are
 * found together.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@NotThreadSafe
final class StateTable<K, V> {
    private final int firstKeyGroup;
    private final HashMap<K, V>[] flat;
    private final HashMap<K, HashMap<Object, V>>[] nested;

    /** The number of (key, namespace) entries, kept up to date so that counting costs nothing. */
    private long size;

    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        this.flat = new HashMap[range.size()];
        this.nested = new HashMap[range.size()];
    }

    V get(int keyGroup, K key, Object namespace) {
        int i = keyGroup - firstKeyGroup;
        if (namespace == VoidNamespace.INSTANCE) {
            HashMap<K, V> map = flat[i];
            return map == null ? null : map.get(key);
        }
        HashMap<K, HashMap<Object, V>> map = nested[i];
        if (map == null) {
            return null;
        }
        HashMap<Object, V> byNamespace = map.get(key);
        return byNamespace == null ? null : byNamespace.get(namespace);
    }

    void put(int keyGroup, K key, Object namespace, V value) {
        int i = keyGroup - firstKeyGroup;
        if (namespace == VoidNamespace.INSTANCE) {
            HashMap<K, V> map = flat[i];
            if (map == null) {
                map = new HashMap<>();
                flat[i] = map;
            }
            if (map.put(key, value) == null) {
                size++;
            }
            return;
        }
        HashMap<K, HashMap<Object, V>> map = nested[i];
        if (map == null) {
            map = new HashMap<>();
            nested[i] = map;
        }
        if (map.computeIfAbsent(key, k -> new HashMap<>(4)).put(namespace, value) == null) {
            size++;
        }
    }

    void remove(int keyGroup, K key, Object namespace) {
        int i = keyGroup - firstKeyGroup;
        if (namespace == VoidNamespace.INSTANCE) {
            HashMap<K, V> map = flat[i];
            if (map != null && map.remove(key) != null) {
                size--;
            }
            return;
        }
        HashMap<K, HashMap<Object, V>> map = nested[i];
        if (map == null) {
            return;
        }
        HashMap<Object, V> byNamespace = map.get(key);
        if (byNamespace != null) {
            if (byNamespace.remove(namespace) != null) {
                size--;
            }
            if (byNamespace.isEmpty()) {
                map.remove(key);
            }
        }
    }

    /** Removes the key's values in every namespace but the void one. */
    void removeNamespaces(int keyGroup, K key) {
        HashMap<K, HashMap<Object, V>> map = nested[keyGroup - firstKeyGroup];
        if (map != null) {
            HashMap<Object, V> removed = map.remove(key);
            if (removed != null) {
                size -= removed.size();
            }
        }
    }

    /** The number of (key, namespace) entries. */
    long size() {
        return size;
    }
}

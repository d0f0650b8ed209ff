package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.VoidNamespace;
import java.util.HashMap;
import java.util.List;

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
            map.put(key, value);
            return;
        }
        HashMap<K, HashMap<Object, V>> map = nested[i];
        if (map == null) {
            map = new HashMap<>();
            nested[i] = map;
        }
        map.computeIfAbsent(key, k -> new HashMap<>(4)).put(namespace, value);
    }

    void remove(int keyGroup, K key, Object namespace) {
        int i = keyGroup - firstKeyGroup;
        if (namespace == VoidNamespace.INSTANCE) {
            HashMap<K, V> map = flat[i];
            if (map != null) {
                map.remove(key);
            }
            return;
        }
        HashMap<K, HashMap<Object, V>> map = nested[i];
        if (map == null) {
            return;
        }
        HashMap<Object, V> byNamespace = map.get(key);
        if (byNamespace != null) {
            byNamespace.remove(namespace);
            if (byNamespace.isEmpty()) {
                map.remove(key);
            }
        }
    }

    /** Removes the key's values in every namespace but the void one. */
    void removeNamespaces(int keyGroup, K key) {
        HashMap<K, HashMap<Object, V>> map = nested[keyGroup - firstKeyGroup];
        if (map != null) {
            map.remove(key);
        }
    }

    /** Adds the keys that hold a value in the void namespace to {@code out}. */
    void collectKeys(List<K> out) {
        for (HashMap<K, V> m : flat) {
            if (m != null) {
                out.addAll(m.keySet());
            }
        }
    }

    /** The number of (key, namespace) entries. */
    long size() {
        long n = 0;
        for (HashMap<K, V> m : flat) {
            if (m != null) {
                n += m.size();
            }
        }
        for (HashMap<K, HashMap<Object, V>> m : nested) {
            if (m != null) {
                for (HashMap<Object, V> byNamespace : m.values()) {
                    n += byNamespace.size();
                }
            }
        }
        return n;
    }
}

package io.spate.state.heap;

import io.spate.annotations.NotThreadSafe;
import io.spate.core.state.KeyGroupRange;
import java.util.HashMap;

/**
 * The values of one state for all keys of a subtask: a hash map per key group.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@NotThreadSafe
final class StateTable<K, V> {
    private final int firstKeyGroup;
    private final HashMap<K, V>[] maps;

    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        this.maps = new HashMap[range.size()];
    }

    V get(int keyGroup, K key) {
        HashMap<K, V> map = maps[keyGroup - firstKeyGroup];
        return map == null ? null : map.get(key);
    }

    void put(int keyGroup, K key, V value) {
        int i = keyGroup - firstKeyGroup;
        HashMap<K, V> map = maps[i];
        if (map == null) {
            map = new HashMap<>();
            maps[i] = map;
        }
        map.put(key, value);
    }

    void remove(int keyGroup, K key) {
        HashMap<K, V> map = maps[keyGroup - firstKeyGroup];
        if (map != null) {
            map.remove(key);
        }
    }

    long size() {
        long n = 0;
        for (HashMap<K, V> m : maps) {
            if (m != null) {
                n += m.size();
            }
        }
        return n;
    }
}

package io.spate.api.common.state;

import io.spate.annotations.Public;
import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel instance of a broadcast process function holds a copy of, declared with
 * {@code stream.broadcast(descriptor)}. Only the broadcast side ({@code processBroadcastElement})
 * may change it; it sees every broadcast element at every instance, so changing the state only as a
 * function of those elements keeps the copies equal. Used only by the subtask's own thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Public
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    /** Removes every entry. */
    void clear() throws Exception;

    /** The entries, which may be changed through the iterator; order is not defined. */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    /** The entries; order is not defined. */
    Iterable<Map.Entry<K, V>> entries() throws Exception;
}

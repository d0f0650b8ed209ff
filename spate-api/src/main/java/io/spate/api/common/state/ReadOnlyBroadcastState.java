package io.spate.api.common.state;

import io.spate.annotations.Public;
import java.util.Map;

/**
 * The view of a broadcast state that the non-broadcast side of a broadcast process function gets:
 * it may read, never write, so that every parallel instance keeps the same contents as long as the
 * broadcast side updates them the same way everywhere. Values handed out must not be changed
 * either. Used only by the subtask's own thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Public
public interface ReadOnlyBroadcastState<K, V> {

    /** The value of {@code key}, or {@code null}. */
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, read-only; iteration order is not defined. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;

    boolean isEmpty() throws Exception;
}

package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Chooses the downstream subtask of a key for {@code partitionCustom}.
 *
 * @param <K> the key type
 */
@Public
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** Returns a subtask index in {@code [0, numPartitions)}. */
    int partition(K key, int numPartitions);
}

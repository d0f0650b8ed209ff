package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Receives the elements a function emits. Valid only during the call it is passed to; the elements
 * must not be changed after they are handed over, because Spate passes references, not copies, to
 * the operators downstream in the same process.
 *
 * @param <T> the element type
 */
@Public
public interface Collector<T> {
    void collect(T record);
}

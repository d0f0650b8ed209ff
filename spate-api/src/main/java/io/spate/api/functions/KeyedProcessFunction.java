package io.spate.api.functions;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Collector;

/**
 * A {@link ProcessFunction} on a keyed stream: it knows the current key, and the keyed state it
 * obtains from its runtime context is scoped to that key.
 *
 * @param <K> the key type
 * @param <I> the input type
 * @param <O> the output type
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} knows about the element; valid only during that call. */
    public abstract class Context {
        /** The element's timestamp, or {@code null} when it has none. */
        public abstract Long timestamp();

        /** The current processing time of this subtask, read from the engine's clock. */
        public abstract long currentProcessingTime();

        /** The key of the element being processed. */
        public abstract K getCurrentKey();
    }
}

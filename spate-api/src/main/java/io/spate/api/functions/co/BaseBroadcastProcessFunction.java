package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.state.BroadcastState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReadOnlyBroadcastState;
import io.spate.api.datastream.OutputTag;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} share: the
 * contexts of their two sides. The broadcast side gets read-write access to the broadcast state,
 * the other side read-only access. Not extended directly.
 */
@Public
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What either side knows; valid only during the call it is given to. */
    public abstract class BaseContext {
        /** The element's timestamp, or {@code null} when it has none. */
        public abstract Long timestamp();

        /** Emits to a side output, with the current element's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The current processing time of this subtask, read from the engine's clock. */
        public abstract long currentProcessingTime();

        /** The current event time: the watermark of this operator. */
        public abstract long currentWatermark();
    }

    /** The broadcast side's context: may change the broadcast state. */
    public abstract class Context extends BaseContext {
        /**
         * The broadcast state {@code descriptor} names, which must be one of those given to {@code
         * broadcast(...)}.
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> descriptor);
    }

    /** The non-broadcast side's context: may read the broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {
        /**
         * The broadcast state {@code descriptor} names, read-only; it must be one of those given to
         * {@code broadcast(...)}.
         */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> descriptor);
    }
}

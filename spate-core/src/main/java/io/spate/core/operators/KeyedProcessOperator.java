package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.core.state.KeyedStateBackend;

/**
 * Applies a {@link KeyedProcessFunction}. The runtime has set the current key of the state backend
 * before each element.
 */
@Internal
public final class KeyedProcessOperator<K, IN, OUT> extends AbstractStreamOperator<IN, OUT> {
    private final KeyedProcessFunction<K, IN, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private KeyedStateBackend<K> backend;
    private long timestamp;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
        this.function = function;
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        ctx = new ContextImpl(function);
        backend = context.keyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException(
                    "KeyedProcessOperator '"
                            + context.operatorName()
                            + "' has no keyed state backend");
        }
        super.open();
    }

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        collector.setTimestamp(timestamp);
        function.processElement(value, ctx, collector);
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        ContextImpl(KeyedProcessFunction<K, IN, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return StreamElements.userTimestamp(timestamp);
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }
    }
}

package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Collector;

/**
 * The {@link Collector} user functions emit into: forwards to the operator's output with the
 * timestamp of the element being processed. Reused for every element.
 */
@Internal
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<T> output;
    private long timestamp = StreamElements.NO_TIMESTAMP;

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        if (record == null) {
            throw new NullPointerException("A function emitted null; streams cannot carry null");
        }
        output.collect(record, timestamp);
    }
}

package io.spate.api.connector.sink;

import io.spate.annotations.Public;

/**
 * Drops every record. Useful for benchmarks and tests, where the engine's counters ({@code
 * <name>.numRecordsIn}) say how many records arrived.
 */
@Public
public final class DiscardingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(SinkWriterContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

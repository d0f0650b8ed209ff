package io.spate.tests.api;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SinkWriterContext;

/** Drops every record; the engine's counters count them. */
final class DiscardSink<T> implements Sink<T> {
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

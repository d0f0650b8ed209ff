package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;

/** Writes elements through the subtask's {@link SinkWriter}. Emits nothing. */
@Internal
public final class SinkOperator<T> extends AbstractStreamOperator<T, Void> {
    private final Sink<T> sink;
    private SinkWriter<T> writer;
    private long timestamp;
    private boolean ended;
    private final SinkWriter.Context writeContext = () -> StreamElements.userTimestamp(timestamp);

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    @Override
    protected Function userFunction() {
        return null;
    }

    @Override
    public void open() throws Exception {
        super.open();
        writer = sink.createWriter(new ConnectorContext(context));
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        this.timestamp = timestamp;
        writer.write(value, writeContext);
    }

    @Override
    public void processWatermark(long watermark) {}

    @Override
    public void endInput() throws Exception {
        ended = true;
        writer.flush(true);
    }

    @Override
    public boolean isBackpressured() throws Exception {
        if (!writer.isBackpressured()) {
            return false;
        }
        // A writer that could not hand everything over keeps trying on every call.
        writer.flush(ended);
        return writer.isBackpressured();
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            super.close();
        }
    }
}

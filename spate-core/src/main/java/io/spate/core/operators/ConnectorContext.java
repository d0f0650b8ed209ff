package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.connector.sink.ClientChannel;
import io.spate.api.connector.sink.SinkWriterContext;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.common.time.Clock;

/** What source readers and sink writers learn about their subtask, read from its context. */
@Internal
final class ConnectorContext implements SourceReaderContext, SinkWriterContext {
    private final OperatorContext context;

    ConnectorContext(OperatorContext context) {
        this.context = context;
    }

    @Override
    public int getIndexOfSubtask() {
        return context.subtaskIndex();
    }

    @Override
    public int getParallelism() {
        return context.parallelism();
    }

    @Override
    public Clock getClock() {
        return context.clock();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return context.userClassLoader();
    }

    @Override
    public ClientChannel getClientChannel(String channelId) {
        return context.clientChannel(channelId);
    }
}

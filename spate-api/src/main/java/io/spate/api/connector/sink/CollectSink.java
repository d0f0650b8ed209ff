package io.spate.api.connector.sink;

import io.spate.annotations.Internal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends records back to the client that submitted the job, through the job's {@link ClientChannel}.
 * Created by {@code DataStream#executeAndCollect}; records are sent in batches and the writer
 * reports back-pressure while the client is behind.
 */
@Internal
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private static final int BATCH = 256;

    private final String channelId;

    public CollectSink(String channelId) {
        this.channelId = channelId;
    }

    public String getChannelId() {
        return channelId;
    }

    @Override
    public SinkWriter<T> createWriter(SinkWriterContext context) {
        ClientChannel channel = context.getClientChannel(channelId);
        return new SinkWriter<>() {
            private List<T> buffer = new ArrayList<>(BATCH);
            private boolean ending;
            private boolean finished;

            @Override
            public void write(T element, Context ctx) {
                buffer.add(element);
                if (buffer.size() >= BATCH) {
                    tryHandOver();
                }
            }

            private void tryHandOver() {
                if (!buffer.isEmpty() && channel.offer(buffer)) {
                    buffer = new ArrayList<>(BATCH);
                }
            }

            @Override
            public boolean isBackpressured() {
                return buffer.size() >= BATCH || (ending && !finished);
            }

            @Override
            public void flush(boolean endOfInput) {
                ending |= endOfInput;
                tryHandOver();
                if (endOfInput && buffer.isEmpty() && !finished) {
                    finished = true;
                    channel.finish();
                }
            }

            @Override
            public void close() {}
        };
    }
}

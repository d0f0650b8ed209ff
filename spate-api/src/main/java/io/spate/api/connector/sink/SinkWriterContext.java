package io.spate.api.connector.sink;

import io.spate.annotations.Internal;
import io.spate.annotations.Public;
import io.spate.common.time.Clock;

/** What a writer knows about where it runs. */
@Public
public interface SinkWriterContext {
    int getIndexOfSubtask();

    int getParallelism();

    Clock getClock();

    ClassLoader getUserCodeClassLoader();

    /** The channel to the job's client that a collect sink writes into. */
    @Internal
    ClientChannel getClientChannel(String channelId);
}

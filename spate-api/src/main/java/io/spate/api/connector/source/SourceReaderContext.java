package io.spate.api.connector.source;

import io.spate.annotations.Public;
import io.spate.common.time.Clock;

/** What a reader knows about where it runs. */
@Public
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int getParallelism();

    /** The engine's clock; readers that pace themselves read time here. */
    Clock getClock();

    ClassLoader getUserCodeClassLoader();
}

package io.spate.api.connector.sink;

import io.spate.annotations.Internal;
import java.util.List;

/**
 * Carries records from a running job to the client that submitted it (for {@code
 * executeAndCollect}). Bounded: {@link #offer} refuses when the client has not taken enough.
 */
@Internal
public interface ClientChannel {
    /** Hands over a batch unless the channel is full; never blocks. */
    boolean offer(List<?> records);

    /** Called once by each writer when it has written everything. */
    void finish();
}

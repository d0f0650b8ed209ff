package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.core.checkpoint.KeyGroupedPart;

/**
 * The keyed state of a subtask frozen at a checkpoint: captured synchronously by {@link
 * KeyedStateBackend#snapshot()}, written later (on the I/O thread) key group by key group, then
 * released so that the backend stops preserving the frozen view.
 */
@Internal
public interface KeyedStateSnapshot extends KeyGroupedPart {

    /** Lets the backend forget the frozen view; called once, after writing or on abort. */
    void release();
}

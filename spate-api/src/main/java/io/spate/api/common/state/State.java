package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * A handle to one piece of keyed state. The handle is scoped to the current key: the key of the
 * element or timer being processed. Handles are used only by the subtask's own thread.
 */
@Public
public interface State {
    /** Removes the value for the current key. */
    void clear();
}

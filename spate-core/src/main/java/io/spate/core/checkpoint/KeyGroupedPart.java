package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import java.io.IOException;

/**
 * A part of a subtask's keyed state that writes itself key group by key group: the keyed state
 * backend's values, a timer service's timers. Called on the snapshot I/O thread, after the
 * synchronous capture, so it must read only what the capture froze.
 */
@Internal
public interface KeyGroupedPart {

    /** A name unique within the operator: how the part finds its data again on restore. */
    String name();

    /** Writes the part's data of {@code keyGroup}; writes nothing when it has none. */
    void writeKeyGroup(int keyGroup, io.spate.common.io.DataOutputView out) throws IOException;
}

package io.spate.api.common.state;

import io.spate.annotations.Public;

/** The checkpoint a {@link CheckpointedFunction#snapshotState} call belongs to. */
@Public
public interface FunctionSnapshotContext {
    long getCheckpointId();

    /** When the checkpoint was triggered, in milliseconds since the epoch. */
    long getCheckpointTimestamp();
}

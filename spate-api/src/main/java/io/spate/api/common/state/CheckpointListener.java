package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * Told when a checkpoint completed (every subtask's state is safely stored) or was aborted. Sinks
 * commit what they prepared for a checkpoint only when it completed. Called on the subtask's
 * thread, between records; a notification may be lost when the job fails, so commits must also
 * happen on restore.
 */
@Public
public interface CheckpointListener {

    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}

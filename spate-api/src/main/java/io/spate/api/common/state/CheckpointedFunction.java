package io.spate.api.common.state;

import io.spate.annotations.Public;

/**
 * A function that keeps state of its own, outside keyed state, and takes part in checkpoints:
 * {@link #initializeState} is called once before {@code open}, with the state restored from the
 * checkpoint the job restarted from (if any); {@link #snapshotState} at every checkpoint, on the
 * subtask's thread, between two records — copy what must be saved into the operator state there.
 */
@Public
public interface CheckpointedFunction {

    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}

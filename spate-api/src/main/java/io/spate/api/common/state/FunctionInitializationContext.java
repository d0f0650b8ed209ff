package io.spate.api.common.state;

import io.spate.annotations.Public;

/** What {@link CheckpointedFunction#initializeState} is given. */
@Public
public interface FunctionInitializationContext {

    /**
     * Whether the job restarted from a checkpoint or savepoint that had state for this operator.
     */
    boolean isRestored();

    /** The operator's non-keyed state, restored when {@link #isRestored()}. */
    OperatorStateStore getOperatorStateStore();
}

package io.spate.core.checkpoint;

import io.spate.annotations.Internal;
import java.util.List;

/**
 * The state of one operator in a checkpoint: its id, the parallelism and number of key groups it
 * had, and a handle per subtask.
 */
@Internal
public record OperatorStateSnapshot(
        String operatorId, int parallelism, int maxParallelism, List<SubtaskStateHandle> subtasks) {

    public OperatorStateSnapshot {
        subtasks = List.copyOf(subtasks);
    }
}

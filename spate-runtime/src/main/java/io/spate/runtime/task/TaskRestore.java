package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.core.checkpoint.OperatorStateSnapshot;
import java.nio.file.Path;
import java.util.Map;

/**
 * The checkpoint a subtask restores from: where its files are, and every operator's state in it, by
 * operator id. Each subtask picks its own share ({@code StateAssignment}).
 */
@Internal
public record TaskRestore(Path directory, Map<String, OperatorStateSnapshot> operators) {
    public TaskRestore {
        operators = Map.copyOf(operators);
    }
}

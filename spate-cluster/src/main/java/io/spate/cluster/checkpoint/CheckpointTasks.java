package io.spate.cluster.checkpoint;

import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.messages.TaskKey;
import java.util.Map;
import java.util.Set;

/**
 * The subtasks of one run (attempt) of a job, as the checkpoint coordinator needs them: where each
 * runs, and which are sources (where barriers are injected).
 */
public record CheckpointTasks(
        int attempt, Map<TaskKey, TaskExecutorGateway> all, Set<TaskKey> sources) {
    public CheckpointTasks {
        all = Map.copyOf(all);
        sources = Set.copyOf(sources);
    }
}

package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.SourceSplit;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.util.List;

/**
 * What a TaskExecutor needs to run one subtask: the job's plan, which vertex and subtask, the run
 * (attempt) it belongs to, for a source its share of the splits, and the checkpoint to restore from
 * ({@code null} for a fresh start), and where the subtasks of the run are.
 */
@Internal
public record TaskDeployment(
        JobId jobId,
        int attempt,
        JobGraph jobGraph,
        int vertexId,
        int subtaskIndex,
        List<? extends SourceSplit> splits,
        TaskRestore restore,
        SubtaskLocations locations) {

    public TaskDeployment {
        if (locations == null) {
            locations = SubtaskLocations.LOCAL;
        }
    }

    /** A deployment whose peers all run in this process. */
    public TaskDeployment(
            JobId jobId,
            int attempt,
            JobGraph jobGraph,
            int vertexId,
            int subtaskIndex,
            List<? extends SourceSplit> splits,
            TaskRestore restore) {
        this(
                jobId,
                attempt,
                jobGraph,
                vertexId,
                subtaskIndex,
                splits,
                restore,
                SubtaskLocations.LOCAL);
    }

    /** A deployment that starts fresh, without restored state. */
    public TaskDeployment(
            JobId jobId,
            int attempt,
            JobGraph jobGraph,
            int vertexId,
            int subtaskIndex,
            List<? extends SourceSplit> splits) {
        this(
                jobId,
                attempt,
                jobGraph,
                vertexId,
                subtaskIndex,
                splits,
                null,
                SubtaskLocations.LOCAL);
    }

    /** {@code "Map -> Filter (2/4)"}. */
    public String taskName() {
        var v = jobGraph.vertex(vertexId);
        return v.name() + " (" + (subtaskIndex + 1) + "/" + v.parallelism() + ")";
    }
}

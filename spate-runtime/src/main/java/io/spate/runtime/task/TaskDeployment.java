package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.SourceSplit;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.util.List;

/**
 * What a TaskExecutor needs to run one subtask: the job's plan, which vertex and subtask, the run
 * (attempt) it belongs to, for a source its share of the splits, and the checkpoint to restore from
 * ({@code null} for a fresh start).
 */
@Internal
public record TaskDeployment(
        JobId jobId,
        int attempt,
        JobGraph jobGraph,
        int vertexId,
        int subtaskIndex,
        List<? extends SourceSplit> splits,
        TaskRestore restore) {

    /** A deployment that starts fresh, without restored state. */
    public TaskDeployment(
            JobId jobId,
            int attempt,
            JobGraph jobGraph,
            int vertexId,
            int subtaskIndex,
            List<? extends SourceSplit> splits) {
        this(jobId, attempt, jobGraph, vertexId, subtaskIndex, splits, null);
    }

    /** {@code "Map -> Filter (2/4)"}. */
    public String taskName() {
        var v = jobGraph.vertex(vertexId);
        return v.name() + " (" + (subtaskIndex + 1) + "/" + v.parallelism() + ")";
    }
}

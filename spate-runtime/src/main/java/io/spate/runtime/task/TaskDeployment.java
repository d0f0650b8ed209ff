package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.api.connector.source.SourceSplit;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.util.List;

/**
 * What a TaskExecutor needs to run one subtask: the job's plan, which vertex and subtask, the run
 * (attempt) it belongs to, and for a source its share of the splits.
 */
@Internal
public record TaskDeployment(
        JobId jobId,
        int attempt,
        JobGraph jobGraph,
        int vertexId,
        int subtaskIndex,
        List<? extends SourceSplit> splits) {

    /** {@code "Map -> Filter (2/4)"}. */
    public String taskName() {
        var v = jobGraph.vertex(vertexId);
        return v.name() + " (" + (subtaskIndex + 1) + "/" + v.parallelism() + ")";
    }
}

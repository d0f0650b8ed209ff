package io.spate.cluster.messages;

import io.spate.common.JobId;
import io.spate.runtime.task.TaskDeployment;

/** One subtask of one run (attempt) of a job. */
public record TaskKey(JobId jobId, int attempt, int vertexId, int subtaskIndex) {

    /** The subtask a deployment starts. */
    public static TaskKey of(TaskDeployment d) {
        return new TaskKey(d.jobId(), d.attempt(), d.vertexId(), d.subtaskIndex());
    }
}

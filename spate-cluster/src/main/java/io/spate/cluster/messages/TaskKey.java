package io.spate.cluster.messages;

import io.spate.common.JobId;

/** One subtask of one run (attempt) of a job. */
public record TaskKey(JobId jobId, int attempt, int vertexId, int subtaskIndex) {}

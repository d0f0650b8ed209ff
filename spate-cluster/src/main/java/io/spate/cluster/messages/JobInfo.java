package io.spate.cluster.messages;

import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;
import java.util.List;

/**
 * What the JobManager knows about one job, for people and tools that watch it (the REST API).
 *
 * @param attempt the current run: 0 for the first, one more after each restart; -1 before the first
 * @param parallelism the highest parallelism of the job's operators
 * @param vertices the job's fused chains of operators, in topological order
 * @param failures the failures so far, oldest first
 * @param latestCheckpoint the point the job would restart from (latest completed checkpoint or
 *     savepoint), or null
 * @param savepointDirectory where savepoints go when none is given ({@code state.savepoints.dir}),
 *     or null
 */
public record JobInfo(
        JobId jobId,
        String jobName,
        JobStatus status,
        long startTimeMillis,
        int attempt,
        int parallelism,
        List<Vertex> vertices,
        List<JobFailure> failures,
        Checkpoint latestCheckpoint,
        String savepointDirectory) {

    public JobInfo {
        vertices = List.copyOf(vertices);
        failures = List.copyOf(failures);
    }

    /**
     * A fused chain of operators, how many subtasks run it, and how many of the current run's have
     * started (deployed, state restored, running).
     */
    public record Vertex(String name, int parallelism, int running) {}

    /** A completed checkpoint or savepoint. */
    public record Checkpoint(long id, String path, boolean savepoint, long timestampMillis) {}
}

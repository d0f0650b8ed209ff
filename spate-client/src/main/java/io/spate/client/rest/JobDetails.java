package io.spate.client.rest;

import io.spate.annotations.Public;
import java.util.List;

/**
 * What a JobManager knows about one job.
 *
 * @param attempt the current run: 0 for the first, one more after each restart
 * @param parallelism the highest parallelism of the job's operators
 * @param latestCheckpoint the latest completed checkpoint or savepoint, or null
 * @param savepointDirectory where savepoints go when none is given, or null
 */
@Public
public record JobDetails(
        String id,
        String name,
        String status,
        String startTime,
        long startTimeMillis,
        int attempt,
        int parallelism,
        List<Vertex> vertices,
        List<Failure> failureHistory,
        Checkpoint latestCheckpoint,
        String savepointDirectory) {

    public JobDetails {
        vertices = vertices == null ? List.of() : List.copyOf(vertices);
        failureHistory = failureHistory == null ? List.of() : List.copyOf(failureHistory);
    }

    /**
     * A fused chain of operators and how many subtasks run it.
     *
     * @param running how many of the current run's subtasks have started (state restored, running)
     */
    public record Vertex(String name, int parallelism, int running) {}

    /** A failure: when, in which run, where, why, and what the job restored from (or null). */
    public record Failure(
            String time,
            long timeMillis,
            int attempt,
            String task,
            String cause,
            boolean restarted,
            String restoredFrom) {}

    /** A completed checkpoint or savepoint. */
    public record Checkpoint(
            long id, String path, boolean savepoint, String time, long timeMillis) {}
}

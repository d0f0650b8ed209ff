package io.spate.cluster.rest;

import io.spate.api.execution.JobFailure;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies of REST API version 1 (ADR 0006), as records that Jackson writes and reads field
 * by field. Times are given twice: ISO-8601 in UTC for people, milliseconds since the epoch for
 * tools. Changing a name or a meaning here breaks clients: add fields, never change them.
 */
final class RestMessages {
    private RestMessages() {}

    /** Every error: what is wrong, and what to do about it (may be null). */
    record Error(String error, String hint) {}

    /** {@code GET /v1/jobs}. */
    record JobList(List<JobLine> jobs) {}

    record JobLine(String id, String name, String status, String startTime, long startTimeMillis) {
        static JobLine of(JobDetails d) {
            return new JobLine(
                    d.jobId().toString(),
                    d.jobName(),
                    d.status().name(),
                    iso(d.startTimeMillis()),
                    d.startTimeMillis());
        }
    }

    /** {@code GET /v1/jobs/{jobId}}. */
    record Job(
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
            String savepointDirectory,
            Outcome outcome) {

        static Job of(JobInfo info) {
            return of(info, null);
        }

        static Job of(JobInfo info, JobResult result) {
            return new Job(
                    info.jobId().toString(),
                    info.jobName(),
                    info.status().name(),
                    iso(info.startTimeMillis()),
                    info.startTimeMillis(),
                    info.attempt(),
                    info.parallelism(),
                    info.vertices().stream()
                            .map(v -> new Vertex(v.name(), v.parallelism(), v.running()))
                            .toList(),
                    info.failures().stream().map(Failure::of).toList(),
                    info.latestCheckpoint() == null ? null : Checkpoint.of(info.latestCheckpoint()),
                    info.savepointDirectory(),
                    result == null ? null : Outcome.of(result));
        }
    }

    /**
     * How a job that has ended ended (null while it runs): its run time, its counters (as {@code
     * JobExecutionResult} has them), the cause of a failure, and the savepoint it was stopped with.
     */
    record Outcome(
            long netRuntimeMillis,
            Map<String, Long> counters,
            long recordsIn,
            long recordsOut,
            String failureCause,
            String stopSavepoint) {
        static Outcome of(JobResult r) {
            return new Outcome(
                    r.netRuntime() == null ? 0 : r.netRuntime().toMillis(),
                    new TreeMap<>(r.counters()),
                    r.totals() == null ? 0 : r.totals().recordsIn(),
                    r.totals() == null ? 0 : r.totals().recordsOut(),
                    r.failure() == null ? null : failureMessage(r.failure()),
                    r.stopSavepoint());
        }

        private static String failureMessage(Throwable t) {
            return t.getMessage() != null ? t.getMessage() : t.toString();
        }
    }

    /** {@code GET /v1/jobs/{jobId}/metrics}: the job's record totals now. */
    record Metrics(String status, long recordsIn, long recordsOut, long elapsedMillis) {}

    /** {@code PUT /v1/artifacts/{sha256}}: the jar is stored under this id. */
    record ArtifactStored(String artifactId) {}

    /** The body of {@code POST /v1/jobs}. */
    record JobSubmission(String artifactId, String jobGraph) {}

    /** The answer to {@code POST /v1/jobs}. */
    record JobSubmitted(String jobId) {}

    record Vertex(String name, int parallelism, int running) {}

    record Failure(
            String time,
            long timeMillis,
            int attempt,
            String task,
            String cause,
            boolean restarted,
            String restoredFrom) {
        static Failure of(JobFailure f) {
            return new Failure(
                    iso(f.timestampMillis()),
                    f.timestampMillis(),
                    f.attempt(),
                    f.task(),
                    f.cause(),
                    f.restarted(),
                    f.restoredFrom());
        }
    }

    record Checkpoint(long id, String path, boolean savepoint, String time, long timeMillis) {
        static Checkpoint of(JobInfo.Checkpoint c) {
            return new Checkpoint(
                    c.id(), c.path(), c.savepoint(), iso(c.timestampMillis()), c.timestampMillis());
        }
    }

    /** The body of {@code POST .../savepoints} and {@code POST .../stop}; may be empty. */
    record SavepointRequest(String targetDirectory) {}

    /** The answer to {@code POST .../cancel}. */
    record CancelAccepted(String jobId, String status) {}

    /**
     * A savepoint request ({@code operation} {@code savepoint} or {@code stop}): {@code
     * IN_PROGRESS}, {@code COMPLETED} with the savepoint's {@code path}, or {@code FAILED} with the
     * {@code error}.
     */
    record SavepointStatus(
            String requestId,
            String jobId,
            String operation,
            String status,
            String path,
            String error) {}

    static String iso(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
    }
}

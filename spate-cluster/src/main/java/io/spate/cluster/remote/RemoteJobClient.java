package io.spate.cluster.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;
import io.spate.common.util.CloseableIterator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link JobClient} for a job on a remote JobManager, over its REST API. The result is found by
 * asking for the job's details until it has ended, at first every {@value #FIRST_POLL_MILLIS} ms
 * and then less often, down to once every {@value #MAX_POLL_MILLIS} ms; polling starts when the
 * client is made. {@link #collect} is not supported: collect sinks hand their records to a client
 * in the JobManager's process.
 */
public final class RemoteJobClient implements JobClient {
    static final long FIRST_POLL_MILLIS = 20;
    static final long MAX_POLL_MILLIS = 500;
    static final int MAX_POLL_FAILURES = 60;

    /** The longest one savepoint status request waits on the JobManager (ADR 0006: ≤ 20). */
    private static final int SAVEPOINT_WAIT_SECONDS = 20;

    private final RestConnection connection;
    private final JobId jobId;
    private final String jobName;
    private final String path;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();

    RemoteJobClient(RestConnection connection, JobId jobId, String jobName) {
        this.connection = connection;
        this.jobId = jobId;
        this.jobName = jobName;
        this.path = "/v1/jobs/" + jobId;
        poll(FIRST_POLL_MILLIS, 0);
    }

    /**
     * Asks for the job's details after {@code delayMillis}; {@code failures} is how many requests
     * in a row failed for want of an answer (the JobManager unreachable for a moment, or answering
     * 5xx), which are retried up to {@value #MAX_POLL_FAILURES} times (about half a minute).
     */
    private void poll(long delayMillis, int failures) {
        CompletableFuture.runAsync(
                () ->
                        connection
                                .get(path)
                                .whenComplete(
                                        (job, failure) -> {
                                            long next = Math.min(MAX_POLL_MILLIS, delayMillis * 2);
                                            if (failure != null) {
                                                Throwable cause = unwrap(failure);
                                                if (transientFailure(cause)
                                                        && failures < MAX_POLL_FAILURES) {
                                                    poll(next, failures + 1);
                                                } else {
                                                    result.completeExceptionally(cause);
                                                }
                                                return;
                                            }
                                            JobStatus status = status(job);
                                            if (status.isTerminal()) {
                                                complete(status, job);
                                            } else {
                                                poll(next, 0);
                                            }
                                        }),
                CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
    }

    /** No answer, or the JobManager failed to answer: worth asking again. */
    private static boolean transientFailure(Throwable t) {
        return t instanceof RemoteJobManagerException e && (e.status() == 0 || e.status() >= 500);
    }

    private void complete(JobStatus status, JsonNode job) {
        JsonNode outcome = job.path("outcome");
        switch (status) {
            case FINISHED -> {
                Map<String, Long> counters = new HashMap<>();
                outcome.path("counters")
                        .fields()
                        .forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asLong()));
                result.complete(
                        new JobExecutionResult(
                                jobId,
                                jobName,
                                Duration.ofMillis(outcome.path("netRuntimeMillis").asLong()),
                                counters));
            }
            case CANCELED -> {
                String savepoint = text(outcome, "stopSavepoint");
                result.completeExceptionally(
                        new JobExecutionException(
                                jobId,
                                jobName,
                                JobStatus.CANCELED,
                                savepoint,
                                "Job '"
                                        + jobName
                                        + "' ("
                                        + jobId
                                        + ") was "
                                        + (savepoint == null
                                                ? "cancelled"
                                                : "stopped with a savepoint at " + savepoint),
                                null));
            }
            default -> {
                String cause = text(outcome, "failureCause");
                result.completeExceptionally(
                        new JobExecutionException(
                                jobId,
                                jobName,
                                JobStatus.FAILED,
                                "Job '"
                                        + jobName
                                        + "' ("
                                        + jobId
                                        + ") failed: "
                                        + (cause == null ? "unknown cause" : cause),
                                cause == null ? null : new RemoteFailure(cause)));
            }
        }
    }

    @Override
    public JobId getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return jobName;
    }

    @Override
    public Optional<URI> getRestAddress() {
        return Optional.of(connection.address());
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return connection.get(path).thenApply(RemoteJobClient::status);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return connection
                .postJson(path + "/cancel", null)
                .handle(
                        (answer, failure) -> {
                            Throwable e = failure == null ? null : unwrap(failure);
                            if (e == null
                                    || e instanceof RemoteJobManagerException r
                                            && r.status() == 409) {
                                return null; // accepted, or the job has ended already
                            }
                            throw new CompletionException(e);
                        });
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory) {
        return savepoint("/savepoints", directory);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String directory) {
        return savepoint("/stop", directory);
    }

    private CompletableFuture<String> savepoint(String operation, String directory) {
        Map<String, Object> body = new HashMap<>();
        if (directory != null) {
            body.put("targetDirectory", directory);
        }
        return connection
                .postJson(path + operation, body)
                .thenCompose(answer -> awaitSavepoint(answer.get("requestId").asText()));
    }

    private CompletableFuture<String> awaitSavepoint(String requestId) {
        return connection
                .get(path + "/savepoints/" + requestId + "?wait=" + SAVEPOINT_WAIT_SECONDS)
                .thenCompose(
                        status ->
                                switch (status.path("status").asText()) {
                                    case "COMPLETED" ->
                                            CompletableFuture.completedFuture(
                                                    status.path("path").asText());
                                    case "FAILED" ->
                                            CompletableFuture.failedFuture(
                                                    new IllegalStateException(
                                                            "The savepoint of job "
                                                                    + jobId
                                                                    + " failed: "
                                                                    + text(status, "error")));
                                    default -> awaitSavepoint(requestId);
                                });
    }

    @Override
    public CompletableFuture<List<JobFailure>> getFailureHistory() {
        return connection
                .get(path)
                .thenApply(
                        job -> {
                            List<JobFailure> failures = new ArrayList<>();
                            for (JsonNode f : job.path("failureHistory")) {
                                failures.add(
                                        new JobFailure(
                                                f.path("timeMillis").asLong(),
                                                f.path("attempt").asInt(),
                                                text(f, "task"),
                                                text(f, "cause"),
                                                f.path("restarted").asBoolean(),
                                                text(f, "restoredFrom"),
                                                0));
                            }
                            return failures;
                        });
    }

    @Override
    public CompletableFuture<JobMetricsSnapshot> getMetrics() {
        return connection
                .get(path + "/metrics")
                .thenApply(
                        m ->
                                new JobMetricsSnapshot(
                                        JobStatus.valueOf(m.path("status").asText()),
                                        m.path("recordsIn").asLong(),
                                        m.path("recordsOut").asLong(),
                                        Duration.ofMillis(m.path("elapsedMillis").asLong())));
    }

    @Override
    public <T> CloseableIterator<T> collect(String channelId) {
        throw new UnsupportedOperationException(
                "Job '"
                        + jobName
                        + "' runs on the JobManager at "
                        + connection.address().getRawAuthority()
                        + ", which cannot send collected records back (executeAndCollect, collect"
                        + " sinks); write the results to a sink, or run the job embedded");
    }

    private static JobStatus status(JsonNode job) {
        return JobStatus.valueOf(job.path("status").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** The failure of a job on another process, known by its message only. */
    static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String message) {
            super(message, null, false, false);
        }
    }
}

package io.spate.cli.progress;

import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;
import io.spate.common.util.CloseableIterator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A job that runs until told otherwise, with metrics set by the test. */
final class TestingJobClient implements JobClient {
    final JobId jobId;
    final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final AtomicReference<JobMetricsSnapshot> metrics =
            new AtomicReference<>(new JobMetricsSnapshot(JobStatus.RUNNING, 0, 0, Duration.ZERO));

    TestingJobClient(JobId jobId) {
        this.jobId = jobId;
    }

    void setMetrics(JobMetricsSnapshot snapshot) {
        metrics.set(snapshot);
    }

    void finish() {
        result.complete(new JobExecutionResult(jobId, "test", Duration.ofSeconds(1), Map.of()));
    }

    @Override
    public JobId getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return "test";
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("test client"));
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String directory) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("test client"));
    }

    @Override
    public CompletableFuture<java.util.List<io.spate.api.execution.JobFailure>>
            getFailureHistory() {
        return CompletableFuture.completedFuture(java.util.List.of());
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return CompletableFuture.completedFuture(metrics.get().getStatus());
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    @Override
    public CompletableFuture<JobMetricsSnapshot> getMetrics() {
        return CompletableFuture.completedFuture(metrics.get());
    }

    @Override
    public <T> CloseableIterator<T> collect(String channelId) {
        throw new UnsupportedOperationException("no collect sinks here");
    }
}

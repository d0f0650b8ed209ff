package io.spate.cluster.embedded;

import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import io.spate.api.execution.JobFailedException;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.messages.JobResult;
import io.spate.common.JobId;
import io.spate.common.util.CloseableIterator;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link JobClient} for a job in an {@link EmbeddedCluster}. When the client owns the cluster
 * (one cluster per job, the default), the cluster is stopped when the job ends, and the result
 * future completes only after that, so that no thread of the job outlives {@code execute()} by more
 * than the moment it takes to exit.
 */
public final class EmbeddedJobClient implements JobClient {
    private final EmbeddedCluster cluster;
    private final JobId jobId;
    private final String jobName;
    private final CompletableFuture<JobResult> finalResult = new CompletableFuture<>();
    private final CompletableFuture<JobExecutionResult> executionResult;

    public EmbeddedJobClient(
            EmbeddedCluster cluster, JobId jobId, String jobName, boolean ownsCluster) {
        this.cluster = cluster;
        this.jobId = jobId;
        this.jobName = jobName;
        cluster.dispatcher()
                .requestJobResult(jobId)
                .whenComplete(
                        (result, failure) -> {
                            // Never stop the cluster from one of its own threads.
                            Thread stopper =
                                    new Thread(
                                            () -> {
                                                if (ownsCluster) {
                                                    cluster.close();
                                                }
                                                cluster.releaseJob(jobId);
                                                if (failure != null) {
                                                    finalResult.completeExceptionally(failure);
                                                } else {
                                                    finalResult.complete(result);
                                                }
                                            },
                                            "spate-job-end-" + jobId);
                            stopper.setDaemon(true);
                            stopper.start();
                        });
        this.executionResult = finalResult.thenApply(EmbeddedJobClient::toExecutionResult);
    }

    static JobExecutionResult toExecutionResult(JobResult r) {
        switch (r.status()) {
            case FINISHED:
                return new JobExecutionResult(r.jobId(), r.jobName(), r.netRuntime(), r.counters());
            case CANCELED:
                throw new CompletionException(
                        new JobExecutionException(
                                r.jobId(),
                                r.jobName(),
                                JobStatus.CANCELED,
                                r.stopSavepoint(),
                                "Job '"
                                        + r.jobName()
                                        + "' ("
                                        + r.jobId()
                                        + ") was "
                                        + (r.stopSavepoint() == null
                                                ? "cancelled"
                                                : "stopped with a savepoint at "
                                                        + r.stopSavepoint()),
                                null));
            default:
                Throwable cause = r.failure();
                throw new CompletionException(
                        new JobExecutionException(
                                r.jobId(),
                                r.jobName(),
                                JobStatus.FAILED,
                                "Job '"
                                        + r.jobName()
                                        + "' ("
                                        + r.jobId()
                                        + ") failed: "
                                        + (cause == null ? "unknown cause" : cause.getMessage()),
                                cause));
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
        return cluster.restAddress();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        if (finalResult.isDone()) {
            return finalResult.thenApply(JobResult::status);
        }
        return cluster.dispatcher()
                .requestJobStatus(jobId)
                .exceptionallyCompose(e -> finalResult.thenApply(JobResult::status));
    }

    @Override
    public CompletableFuture<Void> cancel() {
        if (finalResult.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        return cluster.dispatcher().cancelJob(jobId).exceptionally(e -> null);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return executionResult;
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory) {
        return cluster.dispatcher().triggerSavepoint(jobId, directory);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String directory) {
        return cluster.dispatcher().stopWithSavepoint(jobId, directory);
    }

    @Override
    public CompletableFuture<List<JobFailure>> getFailureHistory() {
        if (finalResult.isDone()) {
            return finalResult.thenApply(JobResult::failures);
        }
        return cluster.dispatcher()
                .requestFailureHistory(jobId)
                .exceptionallyCompose(e -> finalResult.thenApply(JobResult::failures));
    }

    @Override
    public CompletableFuture<JobMetricsSnapshot> getMetrics() {
        if (finalResult.isDone()) {
            return finalResult.thenApply(EmbeddedJobClient::finalMetrics);
        }
        return cluster.dispatcher()
                .requestJobMetrics(jobId)
                .exceptionallyCompose(e -> finalResult.thenApply(EmbeddedJobClient::finalMetrics));
    }

    private static JobMetricsSnapshot finalMetrics(JobResult r) {
        return new JobMetricsSnapshot(
                r.status(), r.totals().recordsIn(), r.totals().recordsOut(), r.netRuntime());
    }

    @Override
    public <T> CloseableIterator<T> collect(String channelId) {
        return new CollectIterator<>(channelId, cluster.clientChannels().channel(jobId, channelId));
    }

    /**
     * Reads a collect channel until the job has ended and the channel is drained, then releases the
     * channel. The channel outlives the job: results the job produced before the client began
     * reading are still there.
     */
    private final class CollectIterator<T> implements CloseableIterator<T> {
        private final String channelId;
        private final ClientChannels.Channel channel;
        private Iterator<?> current = List.of().iterator();
        private boolean closed;

        CollectIterator(String channelId, ClientChannels.Channel channel) {
            this.channelId = channelId;
            this.channel = channel;
        }

        @Override
        public boolean hasNext() {
            while (!closed) {
                if (current.hasNext()) {
                    return true;
                }
                List<?> batch;
                try {
                    batch = channel.poll(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for results", e);
                }
                if (batch != null) {
                    current = batch.iterator();
                    continue;
                }
                if (finalResult.isDone()) {
                    // The sinks handed everything over before the job ended; drain what is left.
                    try {
                        batch = channel.poll(0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    if (batch != null) {
                        current = batch.iterator();
                        continue;
                    }
                    cluster.clientChannels().release(jobId, channelId);
                    throwIfFailed();
                    return false;
                }
            }
            return false;
        }

        private void throwIfFailed() {
            try {
                executionResult.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof JobExecutionException) {
                    throw new JobFailedException((JobExecutionException) e.getCause());
                }
                throw e;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return (T) current.next();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!finalResult.isDone()) {
                    cancel();
                }
                cluster.clientChannels().release(jobId, channelId);
            }
        }
    }
}

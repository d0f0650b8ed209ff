package io.spate.cluster.gateway;

import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A Dispatcher that runs nothing: it knows the jobs a test gives it ({@link #putJob}) and answers
 * savepoint requests as the test says — by default with a future the test completes. Calls are
 * answered on the caller's thread; like the real gateway, an unknown job fails the future.
 */
public final class TestingDispatcherGateway implements DispatcherGateway {
    private final Map<JobId, JobInfo> jobs = new LinkedHashMap<>();
    private final List<JobId> cancelled = new CopyOnWriteArrayList<>();
    private final List<String> savepointRequests = new CopyOnWriteArrayList<>();

    private volatile BiFunction<JobId, String, CompletableFuture<String>> savepointFunction =
            (id, dir) -> new CompletableFuture<>();
    private volatile BiFunction<JobId, String, CompletableFuture<String>> stopFunction =
            (id, dir) -> new CompletableFuture<>();

    private final Map<JobId, JobResult> results = new LinkedHashMap<>();

    /** Sets how a job ended; {@link #requestJobResult} completes with it. */
    public synchronized void putResult(JobResult result) {
        results.put(result.jobId(), result);
    }

    /** Adds or replaces a job. */
    public synchronized void putJob(JobInfo job) {
        jobs.put(job.jobId(), job);
    }

    public void setSavepointFunction(BiFunction<JobId, String, CompletableFuture<String>> f) {
        this.savepointFunction = f;
    }

    public void setStopFunction(BiFunction<JobId, String, CompletableFuture<String>> f) {
        this.stopFunction = f;
    }

    /** The jobs asked to cancel, in order. */
    public List<JobId> cancelled() {
        return List.copyOf(cancelled);
    }

    /**
     * {@code "savepoint <job> <dir>"} or {@code "stop <job> <dir>"} for every request, in order.
     */
    public List<String> savepointRequests() {
        return List.copyOf(savepointRequests);
    }

    private synchronized JobInfo job(JobId id) {
        JobInfo job = jobs.get(id);
        if (job == null) {
            throw new UnknownJobException(id);
        }
        return job;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobId jobId, JobGraph jobGraph) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("The testing dispatcher runs no jobs"));
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobId jobId) {
        return call(() -> CompletableFuture.completedFuture(job(jobId).status()));
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobId jobId) {
        return call(
                () -> {
                    job(jobId);
                    cancelled.add(jobId);
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobId jobId) {
        return call(
                () -> {
                    job(jobId);
                    synchronized (this) {
                        JobResult r = results.get(jobId);
                        return r == null
                                ? new CompletableFuture<>()
                                : CompletableFuture.completedFuture(r);
                    }
                });
    }

    @Override
    public CompletableFuture<JobMetricsSnapshot> requestJobMetrics(JobId jobId) {
        return call(
                () ->
                        CompletableFuture.completedFuture(
                                new JobMetricsSnapshot(job(jobId).status(), 0, 0, Duration.ZERO)));
    }

    @Override
    public synchronized CompletableFuture<List<JobDetails>> listJobs() {
        List<JobDetails> list = new ArrayList<>();
        for (JobInfo j : jobs.values()) {
            list.add(new JobDetails(j.jobId(), j.jobName(), j.status(), j.startTimeMillis()));
        }
        return CompletableFuture.completedFuture(list);
    }

    @Override
    public CompletableFuture<JobInfo> requestJobInfo(JobId jobId) {
        return call(() -> CompletableFuture.completedFuture(job(jobId)));
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobId jobId, String directory) {
        return call(
                () -> {
                    job(jobId);
                    savepointRequests.add("savepoint " + jobId + " " + directory);
                    return savepointFunction.apply(jobId, directory);
                });
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobId jobId, String directory) {
        return call(
                () -> {
                    job(jobId);
                    savepointRequests.add("stop " + jobId + " " + directory);
                    return stopFunction.apply(jobId, directory);
                });
    }

    @Override
    public CompletableFuture<List<JobFailure>> requestFailureHistory(JobId jobId) {
        return call(() -> CompletableFuture.completedFuture(job(jobId).failures()));
    }

    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

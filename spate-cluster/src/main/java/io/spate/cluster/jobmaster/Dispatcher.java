package io.spate.cluster.jobmaster;

import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.gateway.DispatcherGateway;
import io.spate.cluster.gateway.UnknownJobException;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import io.spate.common.time.Clock;
import io.spate.core.plan.JobGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Accepts jobs and keeps a {@link JobMaster} per job; answers clients about them. Runs on the
 * JobManager's main thread.
 */
public final class Dispatcher implements DispatcherGateway {
    private final MainThreadExecutor mainThread;
    private final ResourceManager resourceManager;
    private final Clock clock;
    private final Function<JobId, ClassLoader> userClassLoaders;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final Map<JobId, JobMaster> jobs = new LinkedHashMap<>();

    public Dispatcher(
            MainThreadExecutor mainThread,
            ResourceManager resourceManager,
            Clock clock,
            Function<JobId, ClassLoader> userClassLoaders,
            ScheduledExecutorService timer,
            Executor io) {
        this.timer = timer;
        this.io = io;
        this.mainThread = mainThread;
        this.resourceManager = resourceManager;
        this.clock = clock;
        this.userClassLoaders = userClassLoaders;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobId jobId, JobGraph jobGraph) {
        mainThread.assertMainThread();
        if (jobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(
                            "A job with id " + jobId + " was already submitted"));
        }
        JobMaster master =
                new JobMaster(
                        jobId,
                        jobGraph,
                        mainThread,
                        resourceManager,
                        clock,
                        userClassLoaders.apply(jobId),
                        timer,
                        io);
        jobs.put(jobId, master);
        master.start();
        return CompletableFuture.completedFuture(null);
    }

    private JobMaster job(JobId jobId) {
        JobMaster m = jobs.get(jobId);
        if (m == null) {
            throw new UnknownJobException(jobId);
        }
        return m;
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobId jobId) {
        return CompletableFuture.completedFuture(job(jobId).status());
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobId jobId) {
        job(jobId).cancel();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobId jobId) {
        return job(jobId).result();
    }

    @Override
    public CompletableFuture<JobMetricsSnapshot> requestJobMetrics(JobId jobId) {
        return job(jobId).metrics();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobId jobId, String directory) {
        return job(jobId).triggerSavepoint(directory);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobId jobId, String directory) {
        return job(jobId).stopWithSavepoint(directory);
    }

    @Override
    public CompletableFuture<List<JobFailure>> requestFailureHistory(JobId jobId) {
        return CompletableFuture.completedFuture(job(jobId).failureHistory());
    }

    @Override
    public CompletableFuture<JobInfo> requestJobInfo(JobId jobId) {
        return CompletableFuture.completedFuture(job(jobId).info());
    }

    @Override
    public CompletableFuture<List<JobDetails>> listJobs() {
        List<JobDetails> list = new ArrayList<>();
        for (JobMaster m : jobs.values()) {
            list.add(m.details());
        }
        return CompletableFuture.completedFuture(list);
    }
}

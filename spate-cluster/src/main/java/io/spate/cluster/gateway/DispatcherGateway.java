package io.spate.cluster.gateway;

import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobMetricsSnapshot;
import io.spate.api.execution.JobStatus;
import io.spate.cluster.messages.JobDetails;
import io.spate.cluster.messages.JobInfo;
import io.spate.cluster.messages.JobResult;
import io.spate.common.JobId;
import io.spate.core.plan.JobGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How clients talk to the JobManager: submit, watch and cancel jobs. Calls may come from any
 * thread; answers arrive through futures. An unknown job id fails the future with an {@link
 * UnknownJobException} that names it.
 */
public interface DispatcherGateway {

    /** Accepts a job; completes once it is scheduled, or fails when it cannot be (e.g. slots). */
    CompletableFuture<Void> submitJob(JobId jobId, JobGraph jobGraph);

    CompletableFuture<JobStatus> requestJobStatus(JobId jobId);

    /** Starts cancelling; completes when the request is accepted. */
    CompletableFuture<Void> cancelJob(JobId jobId);

    /** Completes when the job has ended, with how it ended. */
    CompletableFuture<JobResult> requestJobResult(JobId jobId);

    CompletableFuture<JobMetricsSnapshot> requestJobMetrics(JobId jobId);

    /** Every job this JobManager knows, running or ended, in the order they were submitted. */
    CompletableFuture<List<JobDetails>> listJobs();

    /** What the JobManager knows about a job: status, attempt, failures, latest checkpoint. */
    CompletableFuture<JobInfo> requestJobInfo(JobId jobId);

    /**
     * Takes a savepoint of a running job into {@code directory} (or the job's configured savepoint
     * directory when null); completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(JobId jobId, String directory);

    /** Takes a savepoint, then stops the job; completes with the savepoint's path. */
    CompletableFuture<String> stopWithSavepoint(JobId jobId, String directory);

    /** The failures of a job so far, oldest first. */
    CompletableFuture<List<JobFailure>> requestFailureHistory(JobId jobId);
}

package io.spate.api.execution;

import io.spate.annotations.Internal;
import io.spate.annotations.Public;
import io.spate.common.JobId;
import io.spate.common.util.CloseableIterator;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A handle to a submitted job. Thread-safe; every method returns at once, with a future where the
 * answer takes time.
 */
@Public
public interface JobClient {

    JobId getJobId();

    /** The name the job was executed under. */
    String getJobName();

    CompletableFuture<JobStatus> getJobStatus();

    /** Asks the job to stop; completes when the request is accepted (not when it has stopped). */
    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job finishes, or exceptionally with a {@link
     * JobExecutionException} when it fails or is cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();

    /**
     * Takes a savepoint of the running job into {@code directory} (or the configured {@code
     * state.savepoints.dir} when null); completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(String directory);

    /** Takes a savepoint, then stops the job; completes with the savepoint's path. */
    CompletableFuture<String> stopWithSavepoint(String directory);

    /** The job's failures so far, oldest first; each says whether the job restarted. */
    CompletableFuture<java.util.List<JobFailure>> getFailureHistory();

    /** The job's record totals now. */
    CompletableFuture<JobMetricsSnapshot> getMetrics();

    /**
     * The base address of the REST API of the JobManager that runs this job, for example {@code
     * http://127.0.0.1:8081}, through which other processes control it ({@code spate list}, {@code
     * spate savepoint}, ...); empty when that JobManager serves none ({@link RestOptions#ENABLED}).
     */
    default Optional<URI> getRestAddress() {
        return Optional.empty();
    }

    /** The records a collect sink of this job sends back, in the order they arrive. */
    @Internal
    <T> CloseableIterator<T> collect(String channelId);
}

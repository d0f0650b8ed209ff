package io.spate.api.execution;

import io.spate.annotations.Internal;
import io.spate.api.graph.Pipeline;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a pipeline somewhere: in an embedded cluster inside this JVM, or on a remote JobManager. The
 * environment finds executors through {@link PipelineExecutorFactory} services, so that the API
 * does not depend on the engine.
 */
@Internal
public interface PipelineExecutor {
    /**
     * Builds the job and submits it. Completes exceptionally with an {@code
     * InvalidProgramException} when the job cannot be built.
     */
    CompletableFuture<JobClient> execute(Pipeline pipeline);
}

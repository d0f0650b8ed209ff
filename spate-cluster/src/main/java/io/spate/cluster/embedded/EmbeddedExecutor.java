package io.spate.cluster.embedded;

import io.spate.api.execution.JobClient;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.graph.Pipeline;
import io.spate.cluster.ClusterOptions;
import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.config.Hardware;
import io.spate.core.plan.JobGraph;
import io.spate.core.plan.StreamPlanner;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each pipeline on an embedded cluster started for it, sized to it: one TaskExecutor (by
 * default) with as many slots as the job's highest parallelism.
 */
public final class EmbeddedExecutor implements PipelineExecutor {

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline) {
        JobGraph graph;
        try {
            graph = StreamPlanner.plan(pipeline, Hardware.availableProcessors());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Configuration config = pipeline.configuration();
        int taskExecutors = config.get(ClusterOptions.EMBEDDED_TASK_EXECUTORS);
        Integer slots = config.get(ClusterOptions.TASK_SLOTS);
        int slotsEach =
                slots != null
                        ? slots
                        : Math.max(
                                1,
                                (graph.maxVertexParallelism() + taskExecutors - 1) / taskExecutors);
        EmbeddedCluster cluster =
                EmbeddedCluster.start(config, pipeline.clock(), taskExecutors, slotsEach);
        JobId jobId = JobId.random();
        ClassLoader userCode = Thread.currentThread().getContextClassLoader();
        cluster.registerUserClassLoader(
                jobId, userCode != null ? userCode : EmbeddedExecutor.class.getClassLoader());
        try {
            cluster.dispatcher().submitJob(jobId, graph).join();
        } catch (RuntimeException e) {
            cluster.close();
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(
                new EmbeddedJobClient(cluster, jobId, graph.name(), true));
    }
}

package io.spate.cluster.remote;

import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.PipelineExecutorFactory;
import io.spate.common.config.Configuration;

/**
 * The {@code remote} execution target: jobs are submitted to the JobManager at {@code
 * execution.remote.address} over its REST API.
 */
public final class RemoteExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "remote";
    }

    @Override
    public PipelineExecutor create(Configuration configuration) {
        return new RemoteExecutor();
    }
}

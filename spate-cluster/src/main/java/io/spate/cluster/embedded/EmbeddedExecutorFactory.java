package io.spate.cluster.embedded;

import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.PipelineExecutorFactory;
import io.spate.common.config.Configuration;

/** The {@code embedded} execution target: jobs run inside this JVM. */
public final class EmbeddedExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PipelineExecutor create(Configuration configuration) {
        return new EmbeddedExecutor();
    }
}

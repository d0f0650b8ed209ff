package io.spate.api.execution;

import io.spate.annotations.Internal;
import io.spate.common.config.Configuration;

/**
 * A {@link java.util.ServiceLoader} service: the engine module that can run pipelines provides one,
 * named by the value of {@link ExecutionOptions#TARGET} it serves.
 */
@Internal
public interface PipelineExecutorFactory {
    /** The target name, for example {@code embedded}. */
    String name();

    PipelineExecutor create(Configuration configuration);
}

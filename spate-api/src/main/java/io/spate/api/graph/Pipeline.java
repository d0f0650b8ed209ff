package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.ExecutionConfig;
import io.spate.common.config.Configuration;
import io.spate.common.time.Clock;
import java.util.List;

/**
 * Everything the environment hands to an executor: the job's name, its logical graph, and the
 * settings it was built with.
 *
 * @param jobName the name of the job
 * @param transformations every node, in creation order
 * @param executionConfig settings that travel with the job's code
 * @param configuration the environment's configuration (parallelism, target, engine options)
 * @param clock the clock the engine reads processing time from
 */
@Internal
public record Pipeline(
        String jobName,
        List<Transformation<?>> transformations,
        ExecutionConfig executionConfig,
        Configuration configuration,
        Clock clock) {}

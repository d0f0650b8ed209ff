package io.spate.cluster.messages;

import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a job ended: its final status, runtime, counters and, for a failure, the cause.
 *
 * @param stopSavepoint for a job stopped with a savepoint, the savepoint's directory; else null
 */
public record JobResult(
        JobId jobId,
        String jobName,
        JobStatus status,
        Duration netRuntime,
        Map<String, Long> counters,
        TaskMetricsReport totals,
        Throwable failure,
        List<JobFailure> failures,
        String stopSavepoint) {}

package io.spate.cluster.messages;

import java.util.Map;

/**
 * A TaskExecutor's report that a subtask reached a state; terminal reports carry the subtask's
 * final counters, and failures their cause.
 */
public record TaskExecutionState(
        TaskKey task,
        ExecutionState state,
        Throwable failure,
        Map<String, Long> counters,
        TaskMetricsReport totals) {}

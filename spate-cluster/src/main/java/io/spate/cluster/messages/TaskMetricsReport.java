package io.spate.cluster.messages;

/** The record totals of a job's subtasks running on one TaskExecutor. */
public record TaskMetricsReport(long recordsIn, long recordsOut) {
    public static final TaskMetricsReport EMPTY = new TaskMetricsReport(0, 0);

    public TaskMetricsReport plus(TaskMetricsReport other) {
        return new TaskMetricsReport(recordsIn + other.recordsIn, recordsOut + other.recordsOut);
    }
}

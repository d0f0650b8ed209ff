package io.spate.api.execution;

import io.spate.annotations.Public;
import io.spate.common.JobId;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished job reports: how long it ran and its counters. Counters are the users' own
 * ({@code getRuntimeContext().getCounter(name)}) summed over subtasks, and the engine's per
 * operator: {@code <operator>.numRecordsIn} and {@code <operator>.numRecordsOut}. Counters whose
 * names end with {@code Max} are maxima over subtasks rather than sums, e.g. {@code
 * exchange.pendingBatchesMax}, the most batches that ever waited for room in one channel.
 */
@Public
public final class JobExecutionResult {
    private final JobId jobId;
    private final String jobName;
    private final Duration netRuntime;
    private final Map<String, Long> counters;

    public JobExecutionResult(
            JobId jobId, String jobName, Duration netRuntime, Map<String, Long> counters) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.netRuntime = netRuntime;
        this.counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    public JobId getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    /** The time from the start of the job to its end. */
    public Duration getNetRuntime() {
        return netRuntime;
    }

    /** Every counter by name, sorted. */
    public Map<String, Long> getCounters() {
        return counters;
    }

    /** A counter's total, or 0 when no subtask created it. */
    public long getCounter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{job="
                + jobName
                + " ("
                + jobId
                + "), runtime="
                + netRuntime.toMillis()
                + " ms}";
    }
}

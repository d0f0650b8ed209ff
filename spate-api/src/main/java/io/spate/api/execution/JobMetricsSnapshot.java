package io.spate.api.execution;

import io.spate.annotations.Public;
import java.time.Duration;

/**
 * A running job's totals at one moment: records read by its sources, records written by its sinks,
 * and the time since it started. Two snapshots give rates.
 */
@Public
public final class JobMetricsSnapshot {
    private final JobStatus status;
    private final long recordsIn;
    private final long recordsOut;
    private final Duration elapsed;

    public JobMetricsSnapshot(JobStatus status, long recordsIn, long recordsOut, Duration elapsed) {
        this.status = status;
        this.recordsIn = recordsIn;
        this.recordsOut = recordsOut;
        this.elapsed = elapsed;
    }

    public JobStatus getStatus() {
        return status;
    }

    /** Records emitted by all sources so far. */
    public long getRecordsIn() {
        return recordsIn;
    }

    /** Records written by all sinks so far. */
    public long getRecordsOut() {
        return recordsOut;
    }

    public Duration getElapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return status + " in=" + recordsIn + " out=" + recordsOut + " elapsed=" + elapsed;
    }
}

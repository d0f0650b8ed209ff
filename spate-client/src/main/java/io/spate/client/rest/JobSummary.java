package io.spate.client.rest;

import io.spate.annotations.Public;

/**
 * A line of a JobManager's job list.
 *
 * @param status a {@link io.spate.api.execution.JobStatus} name, such as {@code RUNNING}
 * @param startTime ISO-8601 in UTC, or null when the job has not started
 */
@Public
public record JobSummary(
        String id, String name, String status, String startTime, long startTimeMillis) {}

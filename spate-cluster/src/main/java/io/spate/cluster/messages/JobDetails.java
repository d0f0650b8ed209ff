package io.spate.cluster.messages;

import io.spate.api.execution.JobStatus;
import io.spate.common.JobId;

/** A line of the job list. */
public record JobDetails(JobId jobId, String jobName, JobStatus status, long startTimeMillis) {}

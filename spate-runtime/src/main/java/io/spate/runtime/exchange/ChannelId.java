package io.spate.runtime.exchange;

import io.spate.annotations.Internal;
import io.spate.common.JobId;

/**
 * Names the channel from one producer subtask to one consumer subtask of one exchange in one run
 * (attempt) of a job.
 */
@Internal
public record ChannelId(JobId jobId, int attempt, int edgeId, int producer, int consumer) {}

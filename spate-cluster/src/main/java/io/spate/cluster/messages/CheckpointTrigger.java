package io.spate.cluster.messages;

/**
 * Starts a checkpoint at a source subtask.
 *
 * @param checkpointId the checkpoint's id
 * @param timestamp when it was triggered (JobManager clock, ms)
 * @param directory where every subtask writes its state
 * @param savepoint whether it is a savepoint
 * @param endOfData the job's final checkpoint: sources end their output after it
 */
public record CheckpointTrigger(
        long checkpointId,
        long timestamp,
        String directory,
        boolean savepoint,
        boolean endOfData) {}

package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.core.checkpoint.SubtaskStateHandle;
import java.util.Map;

/**
 * How a subtask tells the JobManager about checkpoints. Called from the subtask's thread or from
 * the snapshot I/O thread; implementations only hand the message on.
 */
@Internal
public interface CheckpointResponder {

    /** The subtask wrote its state for {@code checkpointId}: a handle per operator id. */
    void acknowledge(
            TaskDeployment task, long checkpointId, Map<String, SubtaskStateHandle> states);

    /** The subtask could not take part in {@code checkpointId}. */
    void decline(TaskDeployment task, long checkpointId, Throwable cause);

    /** A source subtask read everything; it waits for the job's final checkpoint. */
    void sourceExhausted(TaskDeployment task);

    /** Responds to nobody: for jobs without checkpoints and for tests. */
    CheckpointResponder NONE =
            new CheckpointResponder() {
                @Override
                public void acknowledge(
                        TaskDeployment task,
                        long checkpointId,
                        Map<String, SubtaskStateHandle> states) {}

                @Override
                public void decline(TaskDeployment task, long checkpointId, Throwable cause) {}

                @Override
                public void sourceExhausted(TaskDeployment task) {}
            };
}

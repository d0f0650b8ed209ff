package io.spate.cluster.messages;

/** Where one subtask is in its life: DEPLOYING → RUNNING → FINISHED | FAILED | CANCELED. */
public enum ExecutionState {
    DEPLOYING,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}

package io.spate.api.execution;

import io.spate.annotations.Public;

/**
 * An operator failed: its message names the operator and the subtask, and its cause is what the
 * operator (usually the user's function) threw.
 */
@Public
public class OperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final int subtaskIndex;
    private final int parallelism;

    public OperatorException(
            String operatorName, int subtaskIndex, int parallelism, Throwable cause) {
        super(
                "Operator '"
                        + operatorName
                        + "' (subtask "
                        + (subtaskIndex + 1)
                        + " of "
                        + parallelism
                        + ") failed: "
                        + describe(cause),
                cause);
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? t.getClass().getName()
                : t.getClass().getName() + ": " + message;
    }

    public String getOperatorName() {
        return operatorName;
    }

    /** From 0. */
    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public int getParallelism() {
        return parallelism;
    }
}

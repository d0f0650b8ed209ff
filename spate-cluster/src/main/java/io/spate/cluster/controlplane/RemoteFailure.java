package io.spate.cluster.controlplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exception thrown in another process, as the control plane carries it: the original class name,
 * message and stack trace, and its causes. The original class need not exist here, and nothing is
 * deserialized, so the receiver never runs code the sender chose.
 *
 * <p>{@link #getMessage()} and {@link #toString()} read like the original's {@code toString()},
 * e.g. {@code java.lang.IllegalStateException: boom}, so that a job's failure message and a printed
 * stack trace look as if the original had been thrown here. At most {@link #MAX_CAUSES} causes are
 * kept; suppressed exceptions are dropped.
 */
public final class RemoteFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The longest cause chain kept below the failure itself; deeper causes are dropped. */
    public static final int MAX_CAUSES = 8;

    private final String originalClassName;
    private final String originalMessage;

    /**
     * @param originalClassName the class of the exception that was thrown, e.g. {@code
     *     java.lang.IllegalStateException}
     * @param originalMessage its message, or null
     * @param stackTrace where it was thrown
     * @param cause its cause as carried, or null
     */
    public RemoteFailure(
            String originalClassName,
            String originalMessage,
            StackTraceElement[] stackTrace,
            RemoteFailure cause) {
        super(null, cause, false, true);
        this.originalClassName = Objects.requireNonNull(originalClassName, "originalClassName");
        this.originalMessage = originalMessage;
        setStackTrace(stackTrace);
    }

    /**
     * A copy of {@code failure} and its first {@link #MAX_CAUSES} causes. A {@code RemoteFailure}
     * keeps the class name it carries, so that a failure forwarded again still names the original.
     */
    public static RemoteFailure of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() <= MAX_CAUSES; t = t.getCause()) {
            chain.add(t);
        }
        RemoteFailure copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            copy =
                    t instanceof RemoteFailure r
                            ? new RemoteFailure(
                                    r.originalClassName, r.originalMessage, r.getStackTrace(), copy)
                            : new RemoteFailure(
                                    t.getClass().getName(),
                                    t.getMessage(),
                                    t.getStackTrace(),
                                    copy);
        }
        return copy;
    }

    /** The class name of the exception that was thrown in the other process. */
    public String originalClassName() {
        return originalClassName;
    }

    /** The original's own message, or null. */
    public String originalMessage() {
        return originalMessage;
    }

    @Override
    public synchronized RemoteFailure getCause() {
        return (RemoteFailure) super.getCause();
    }

    /** {@code <original class name>: <original message>}, or the class name alone. */
    @Override
    public String getMessage() {
        return originalMessage == null
                ? originalClassName
                : originalClassName + ": " + originalMessage;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}

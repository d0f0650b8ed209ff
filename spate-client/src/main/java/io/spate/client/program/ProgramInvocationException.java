package io.spate.client.program;

import io.spate.annotations.Public;

/**
 * A program could not be started: its jar is missing or unreadable, it names no main class, or the
 * class or its {@code main} method cannot be found or loaded. The message says what and where.
 * Failures of a program that did start are not wrapped in this exception.
 */
@Public
public class ProgramInvocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}

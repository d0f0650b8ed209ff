package io.spate.api.common;

import io.spate.annotations.Public;

/**
 * The job as written cannot run: thrown while the job is built, before anything starts. The message
 * says what is wrong and where.
 */
@Public
public class InvalidProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.spate.api.common.typeinfo;

import io.spate.annotations.Public;
import io.spate.api.common.InvalidProgramException;

/** A type could not be determined or is not usable; the message says which and how to fix it. */
@Public
public class InvalidTypesException extends InvalidProgramException {
    private static final long serialVersionUID = 1L;

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.spate.cli;

/** A command could not do what it was asked; the message is the whole error line. */
final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }
}

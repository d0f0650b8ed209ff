package io.spate.cli;

/** A program (or the demo) started and then threw; {@code what} names it for the error line. */
final class ProgramFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String what;

    ProgramFailedException(String what, Throwable cause) {
        super(what + " failed", cause);
        this.what = what;
    }

    /** For example {@code program com.acme.WordCount} or {@code demo}. */
    String what() {
        return what;
    }
}

package io.spate.cli.progress;

/** When the command line shows the live status line of a running job. */
public enum ProgressMode {
    /** When standard error is a terminal ({@code System.console() != null}). */
    AUTO,
    ALWAYS,
    NEVER;

    public boolean enabled(boolean terminal) {
        return this == ALWAYS || (this == AUTO && terminal);
    }
}

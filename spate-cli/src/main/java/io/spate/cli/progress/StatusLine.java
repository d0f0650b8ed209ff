package io.spate.cli.progress;

import io.spate.annotations.ThreadSafe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The bottom line of a terminal, used for a live status: {@link #show} rewrites it in place (a
 * carriage return, the text, blanks over the rest of the previous text), {@link #clear} blanks it.
 *
 * <p>Other output to the same terminal must not land on the status line, so it goes through {@link
 * #guard}: before each write the status line is blanked, and after each complete line it is drawn
 * again below. Status updates and guarded writes are ordered by one lock, so any thread may call
 * any method.
 */
@ThreadSafe
public final class StatusLine {
    private final PrintStream terminal;
    private final Object lock = new Object();

    /** The status to show; empty when there is none. */
    private String text = "";

    /** Columns of the status drawn on the terminal now; 0 when the line is blank. */
    private int drawnWidth;

    public StatusLine(PrintStream terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** Replaces the status line with {@code status} (a single line of text). */
    public void show(String status) {
        synchronized (lock) {
            text = status;
            draw();
        }
    }

    /** Blanks the status line and leaves the cursor at its start. */
    public void clear() {
        synchronized (lock) {
            text = "";
            erase();
        }
    }

    /**
     * A stream for other output to the same terminal (typically standard output) that keeps it off
     * the status line. Encodes text with {@code charset}, flushes at every line.
     */
    public PrintStream guard(OutputStream out, Charset charset) {
        return new PrintStream(new GuardedStream(out), true, charset);
    }

    private void draw() {
        if (text.isEmpty()) {
            erase();
            return;
        }
        int blanks = Math.max(0, drawnWidth - text.length());
        terminal.print("\r" + text + " ".repeat(blanks));
        terminal.flush();
        drawnWidth = text.length() + blanks;
    }

    private void erase() {
        if (drawnWidth > 0) {
            terminal.print("\r" + " ".repeat(drawnWidth) + "\r");
            terminal.flush();
            drawnWidth = 0;
        }
    }

    /** Takes the status line away for each write and brings it back after each complete line. */
    private final class GuardedStream extends OutputStream {
        private final OutputStream out;

        GuardedStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (lock) {
                erase();
                out.write(b);
                if (b == '\n') {
                    out.flush();
                    draw();
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            synchronized (lock) {
                erase();
                out.write(b, off, len);
                if (b[off + len - 1] == '\n') {
                    out.flush();
                    draw();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}

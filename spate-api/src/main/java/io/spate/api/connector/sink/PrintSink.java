package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import io.spate.annotations.SuppressForbidden;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} as a line on standard output or standard error. When the
 * sink runs in several subtasks, each line starts with the subtask number (from 1) and {@code >},
 * after an optional identifier: {@code 2> record} or {@code orders:2> record}.
 *
 * <p>At least once: after a failure and restart, lines may be printed again. Meant for trying
 * things out and debugging, not for production output.
 */
@Public
public final class PrintSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String identifier;
    private final boolean stdErr;

    public PrintSink() {
        this("", false);
    }

    public PrintSink(String identifier, boolean stdErr) {
        this.identifier = identifier == null ? "" : identifier;
        this.stdErr = stdErr;
    }

    @Override
    @SuppressForbidden(reason = "printing to the console is what this sink is for")
    public SinkWriter<T> createWriter(SinkWriterContext context) {
        StringBuilder p = new StringBuilder(identifier);
        if (context.getParallelism() > 1) {
            p.append(p.length() == 0 ? "" : ":").append(context.getIndexOfSubtask() + 1);
        }
        String prefix = p.length() == 0 ? "" : p + "> ";
        PrintStream stream = stdErr ? System.err : System.out;
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                stream.println(prefix + element);
            }

            @Override
            public void flush(boolean endOfInput) {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        };
    }
}

package io.spate.tests.cli;

import io.spate.cli.SpateCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One in-process run of {@code spate}, with what it wrote: help and errors through the streams it
 * is given, and what jobs print through {@code System.out}, which is captured meanwhile.
 */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        int code;
        System.setOut(outStream);
        try {
            code =
                    SpateCli.execute(
                            outStream,
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            false,
                            args);
        } finally {
            System.setOut(stdout);
        }
        return new CliRun(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}

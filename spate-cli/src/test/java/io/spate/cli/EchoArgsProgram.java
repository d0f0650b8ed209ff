package io.spate.cli;

import java.util.List;

/** A program that runs no job: it fails with its arguments, which shows what it was given. */
public final class EchoArgsProgram {
    private EchoArgsProgram() {}

    public static void main(String[] args) {
        throw new IllegalArgumentException("got " + List.of(args));
    }
}

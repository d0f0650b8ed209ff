package io.spate.tests.cli.programs;

import io.spate.api.datastream.StreamExecutionEnvironment;

/** Prints the numbers 1 to {@code args[0]}. */
public final class SequenceProgram {
    private SequenceProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, Long.parseLong(args[0])).print();
        env.execute("Sequence");
    }
}

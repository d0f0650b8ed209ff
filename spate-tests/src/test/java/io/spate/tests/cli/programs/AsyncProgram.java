package io.spate.tests.cli.programs;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.connector.source.lib.GeneratorFunction;
import io.spate.api.datastream.StreamExecutionEnvironment;

/**
 * Submits a job that takes about half a second ({@code args[0]} records at 200 per second) and
 * returns without waiting for it.
 */
public final class AsyncProgram {
    private AsyncProgram() {}

    public static void main(String[] args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        GeneratorFunction<Long, String> records = AsyncProgram::record;
        env.fromSource(
                        new DataGeneratorSource<>(
                                records, Long.parseLong(args[0]), 200, Types.STRING),
                        "Records")
                .print();
        env.executeAsync("Left running");
    }

    static String record(Long index) {
        return "record " + index;
    }
}

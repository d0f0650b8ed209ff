package io.spate.tests.cli.programs;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.KeyedProcessFunction;
import java.time.Duration;

/**
 * A checkpointed keyed job: the numbers {@code 0 .. args[1]-1} at most {@code args[2]} per second
 * (0: no limit), counted per key {@code n % }{@link #KEYS}, each count written as {@code key,count}
 * to files in the directory {@code args[0]} (committed with each checkpoint). Its output is known
 * in advance, however often it is stopped and resumed from a savepoint, at whatever parallelism.
 */
public final class KeyedCountProgram {
    /** The number of distinct keys. */
    public static final int KEYS = 53;

    /** The name of the job. */
    public static final String JOB_NAME = "Keyed counts";

    private KeyedCountProgram() {}

    public static void main(String[] args) throws Exception {
        String out = args[0];
        long records = Long.parseLong(args[1]);
        double perSecond = Double.parseDouble(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(Duration.ofMillis(200));
        env.fromSource(new DataGeneratorSource<>(i -> i, records, perSecond, Types.LONG), "Numbers")
                .uid("numbers")
                .keyBy(i -> i % KEYS)
                .process(new Count())
                .uid("count")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()))
                .uid("files");
        env.execute(JOB_NAME);
    }

    /** Counts per key and emits {@code key,count} for every record. */
    public static final class Count extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out)
                throws Exception {
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + "," + n);
        }
    }
}

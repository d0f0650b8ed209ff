package io.spate.tests.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.FileSink;
import io.spate.api.connector.sink.SimpleStringEncoder;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobFailure;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.RestartStrategyOptions;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.runtime.task.FailureInjection;
import io.spate.tests.KeyedCountOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed counting job fails over and over — after random numbers of records and during snapshots —
 * and restarts from its checkpoints each time; its committed file-sink output is exactly that of a
 * run without failures: nothing lost, nothing repeated.
 */
public class ExactlyOnceFaultIT {
    private static final long RECORDS = 120_000;
    private static final int KEYS = 97;

    @Test
    void committedOutputAfterTwentyFailuresEqualsAFailureFreeRun(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(Duration.ofMillis(40));
        env.getConfiguration()
                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("chk").toString())
                .set(RestartStrategyOptions.TYPE, RestartStrategyOptions.Type.FIXED_DELAY)
                .set(RestartStrategyOptions.DELAY, Duration.ofMillis(5))
                .set(FailureInjection.OPERATOR, "Count")
                .set(FailureInjection.AFTER_RECORDS, 4_000L)
                .set(FailureInjection.SEED, 42L)
                .set(FailureInjection.ON_SNAPSHOT, 4)
                .set(FailureInjection.ATTEMPTS, 24);
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, 40_000, Types.LONG), "Numbers")
                .keyBy(i -> i % KEYS)
                .process(new Count())
                .name("Count")
                .uid("count")
                .sinkTo(FileSink.forRowFormat(out.toString(), new SimpleStringEncoder<String>()))
                .name("Files");

        JobClient client = env.executeAsync("exactly once under failures");
        client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        List<JobFailure> failures = client.getFailureHistory().get();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(20).allMatch(JobFailure::restarted);
        assertThat(failures)
                .as("some failures happened during snapshots")
                .anyMatch(f -> f.cause().contains("during snapshot"));
        assertThat(failures).anyMatch(f -> f.cause().contains("records"));

        Map<String, Integer> actual = KeyedCountOutput.committedLines(out);
        Map<String, Integer> expected = KeyedCountOutput.expected(RECORDS, KEYS);
        assertThat(actual).isEqualTo(expected);
    }

    /** Counts per key and emits {@code key,count} for every record. */
    public static final class Count extends KeyedProcessFunction<Long, Long, String> {
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

package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFilterFunction;
import io.spate.api.common.functions.RichMapFunction;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rich functions: life cycle, runtime context and counters. */
class RichFunctionsIT {

    @TempDir Path dir;

    @Test
    void everySubtaskOpensBeforeItsFirstElementAndClosesAfterItsLast() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.fromSequence(1, 3000)
                .rebalance()
                .map(new LifecycleRecorder(dir.toString()))
                .sinkTo(new DiscardSink<>());

        env.execute("life cycle");

        Map<String, List<String>> logs = readLogs();
        assertThat(logs).containsOnlyKeys("subtask-0", "subtask-1", "subtask-2");
        long elements = 0;
        for (List<String> log : logs.values()) {
            assertThat(log).first().isEqualTo("open");
            assertThat(log).last().isEqualTo("close");
            List<String> middle = log.subList(1, log.size() - 1);
            assertThat(middle).isNotEmpty().allMatch(e -> e.startsWith("element "));
            elements += middle.size();
        }
        assertThat(elements).isEqualTo(3000);
    }

    @Test
    void functionsThatOpenedAreClosedWhenTheJobFails() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1000)
                .map(new LifecycleRecorder(dir.toString()))
                .map(
                        i -> {
                            if (i == 500) {
                                throw new IllegalStateException("no " + i);
                            }
                            return i;
                        })
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("failing")).isInstanceOf(JobExecutionException.class);

        Map<String, List<String>> logs = readLogs();
        assertThat(logs).containsOnlyKeys("subtask-0", "subtask-1");
        assertThat(logs.values())
                .allSatisfy(
                        log -> {
                            assertThat(log).first().isEqualTo("open");
                            assertThat(log).last().isEqualTo("close");
                        });
    }

    @Test
    void theRuntimeContextDescribesTheSubtask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<String> out =
                Jobs.collect(
                        env.fromSequence(1, 300)
                                .rebalance()
                                .map(new DescribeSubtask())
                                .name("Context probe"));

        assertThat(out.stream().distinct().sorted().toList())
                .containsExactly(
                        "Context probe 1/3 of max 128, attempt 0",
                        "Context probe 2/3 of max 128, attempt 0",
                        "Context probe 3/3 of max 128, attempt 0");
    }

    @Test
    void userCountersAreSummedOverSubtasks() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(1, 10_000)
                .filter(new CountingFilter())
                .rebalance()
                .map(new CountingMap())
                .sinkTo(new DiscardSink<>());

        JobExecutionResult result = env.execute("counters");

        assertThat(result.getCounter("seen")).isEqualTo(10_000);
        assertThat(result.getCounter("multiples of 3")).isEqualTo(3333);
        assertThat(result.getCounter("mapped")).isEqualTo(3333);
        assertThat(result.getCounter("sum of mapped")).isEqualTo(3L * (3333L * 3334 / 2));
        assertThat(result.getCounter("opened")).isEqualTo(8); // 4 filter + 4 map subtasks
        assertThat(result.getCounter("never created")).isZero();
    }

    @Test
    void engineCountersCountRecordsInAndOutOfEveryOperator() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1000)
                .map(i -> i * 2)
                .name("Doubler")
                .filter(i -> i % 4 == 0)
                .name("Multiples of four")
                .rebalance()
                .map(i -> i + 1)
                .map(i -> i - 1)
                .sinkTo(new DiscardSink<>())
                .name("Discard");

        Map<String, Long> counters = env.execute("engine counters").getCounters();

        assertThat(counters)
                .containsEntry("Sequence Source.numRecordsOut", 1000L)
                .containsEntry("Doubler.numRecordsIn", 1000L)
                .containsEntry("Doubler.numRecordsOut", 1000L)
                .containsEntry("Multiples of four.numRecordsIn", 1000L)
                .containsEntry("Multiples of four.numRecordsOut", 500L)
                .containsEntry("Discard.numRecordsIn", 500L);
        // Two operators named "Map": each gets its own counters, made unique by its id.
        Map<String, Long> maps =
                counters.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("Map#"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(maps).hasSize(4).allSatisfy((name, count) -> assertThat(count).isEqualTo(500));
    }

    private Map<String, List<String>> readLogs() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(
                    Collectors.toMap(
                            f -> f.getFileName().toString(),
                            f -> {
                                try {
                                    return Files.readAllLines(f);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }));
        }
    }

    /**
     * Records open, every element and close; writes the record to {@code subtask-<i>} in a
     * directory when closed. Fails an element that arrives before open or after close.
     */
    static final class LifecycleRecorder extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String directory;
        private transient List<String> events;
        private transient boolean closed;

        LifecycleRecorder(String directory) {
            this.directory = directory;
        }

        @Override
        public void open(OpenContext openContext) {
            events = new ArrayList<>();
            events.add("open");
        }

        @Override
        public Long map(Long value) {
            if (events == null || closed) {
                throw new IllegalStateException("element " + value + " outside open..close");
            }
            events.add("element " + value);
            return value;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            events.add("close");
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            Files.write(Path.of(directory, "subtask-" + subtask), events);
        }
    }

    /** Describes where it runs, as its runtime context says, once per element. */
    static final class DescribeSubtask extends RichMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private transient String description;

        @Override
        public void open(OpenContext openContext) {
            var ctx = getRuntimeContext();
            if (ctx.getJobId() == null
                    || ctx.getTaskInfo().getIndexOfThisSubtask() != ctx.getIndexOfThisSubtask()) {
                throw new IllegalStateException("inconsistent runtime context");
            }
            description =
                    ctx.getOperatorName()
                            + " "
                            + (ctx.getIndexOfThisSubtask() + 1)
                            + "/"
                            + ctx.getNumberOfParallelSubtasks()
                            + " of max "
                            + ctx.getTaskInfo().getMaxNumberOfParallelSubtasks()
                            + ", attempt "
                            + ctx.getTaskInfo().getAttemptNumber();
        }

        @Override
        public String map(Long value) {
            return description;
        }
    }

    /** Keeps multiples of 3, counting what it sees and keeps. */
    static final class CountingFilter extends RichFilterFunction<Long> {
        private static final long serialVersionUID = 1L;
        private transient Counter seen;
        private transient Counter kept;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getCounter("seen");
            kept = getRuntimeContext().getCounter("multiples of 3");
            getRuntimeContext().getCounter("opened").inc();
        }

        @Override
        public boolean filter(Long value) {
            seen.inc();
            if (value % 3 == 0) {
                kept.inc();
                return true;
            }
            return false;
        }
    }

    /** Counts the elements it maps and adds them up. */
    static final class CountingMap extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient Counter mapped;
        private transient Counter sum;

        @Override
        public void open(OpenContext openContext) {
            mapped = getRuntimeContext().getCounter("mapped");
            sum = getRuntimeContext().getCounter("sum of mapped");
            getRuntimeContext().getCounter("opened").inc();
        }

        @Override
        public Long map(Long value) {
            mapped.inc();
            sum.inc(value);
            return value;
        }
    }
}

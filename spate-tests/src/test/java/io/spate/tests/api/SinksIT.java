package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobFailedException;
import io.spate.api.execution.JobStatus;
import io.spate.api.execution.OperatorException;
import io.spate.common.util.CloseableIterator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in sinks: printing, text files, and collecting results in the client. */
class SinksIT {

    @TempDir Path dir;

    @Test
    void printAtParallelismFourPrefixesEachLineWithTheSubtaskNumber() throws Exception {
        Output out = runCapturingOutput(4, numbers -> numbers.print(), numbers -> {});

        // fromSequence gives subtask i the i-th quarter; print is chained to it.
        assertThat(out.stdout())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 100).mapToObj(i -> (i / 25 + 1) + "> " + i).toList());
        assertThat(out.stderr()).isEmpty();
    }

    @Test
    void printWithAnIdentifierAtParallelismFour() throws Exception {
        Output out = runCapturingOutput(4, numbers -> numbers.print("nums"), numbers -> {});

        assertThat(out.stdout())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 100)
                                .mapToObj(i -> "nums:" + (i / 25 + 1) + "> " + i)
                                .toList());
    }

    @Test
    void printAtParallelismOneHasNoSubtaskPrefix() throws Exception {
        Output out =
                runCapturingOutput(1, numbers -> numbers.print(), numbers -> numbers.print("only"));

        List<String> expected = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            expected.add(String.valueOf(i));
            expected.add("only> " + i);
        }
        assertThat(out.stdout()).containsExactlyInAnyOrderElementsOf(expected);
        // Each sink prints its lines in order.
        assertThat(out.stdout().stream().filter(l -> !l.startsWith("only")).toList())
                .containsExactlyElementsOf(
                        LongStream.range(0, 100).mapToObj(String::valueOf).toList());
    }

    @Test
    void printToErrWritesToStandardErrorOnly() throws Exception {
        Output out =
                runCapturingOutput(
                        2, numbers -> numbers.printToErr(), numbers -> numbers.printToErr("e"));

        List<String> expected = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            expected.add((i / 50 + 1) + "> " + i);
            expected.add("e:" + (i / 50 + 1) + "> " + i);
        }
        assertThat(out.stderr()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out.stdout()).isEmpty();
    }

    @Test
    void writeAsTextWritesEveryElementIntoCommittedPartFiles() throws Exception {
        Path target = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 19_999).map(i -> "line " + i + " ü").writeAsText(target.toString());

        env.execute("write text");

        List<Path> files;
        try (Stream<Path> list = Files.list(target)) {
            // part-<writer>-<subtask>-<n>: in subtask order, subtask 0 read the lower half.
            files =
                    list.sorted(
                                    java.util.Comparator.comparing(
                                            f -> f.getFileName().toString().split("-")[2]))
                            .toList();
        }
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .hasSize(2)
                .allMatch(n -> n.matches("part-[0-9a-f]{8}-[01]-0"));
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        assertThat(lines)
                .containsExactlyElementsOf(
                        LongStream.range(0, 20_000).mapToObj(i -> "line " + i + " ü").toList());
    }

    @Test
    void writeAsTextNeverOverwritesExistingParts() throws Exception {
        Path target = Files.createDirectories(dir.resolve("again"));
        Files.writeString(target.resolve("part-0-0"), "kept\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements("new 1", "new 2").writeAsText(target.toString());

        env.execute("write again");

        assertThat(Files.readAllLines(target.resolve("part-0-0"))).containsExactly("kept");
        List<Path> parts;
        try (Stream<Path> list = Files.list(target)) {
            parts = list.filter(p -> !p.getFileName().toString().equals("part-0-0")).toList();
        }
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).getFileName().toString()).matches("part-[0-9a-f]{8}-0-0");
        assertThat(Files.readAllLines(parts.get(0))).containsExactly("new 1", "new 2");
    }

    @Test
    void executeAndCollectReturnsEveryElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Long> out = Jobs.collect(env.fromSequence(1, 50_000).map(i -> -i));

        assertThat(Jobs.sorted(out))
                .isEqualTo(LongStream.rangeClosed(-50_000, -1).boxed().toList());
    }

    @Test
    void executeAndCollectReturnsEveryElementOfAJobThatEndedBeforeTheyWereRead() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        // A listener that waits for the end of the job: reading starts only after it.
        env.registerJobListener(client -> client.getJobExecutionResult().join());

        List<String> out = Jobs.collect(env.fromElements("x", "y", "z").map(s -> s + s));

        assertThat(out).containsExactlyInAnyOrder("xx", "yy", "zz");
    }

    @Test
    void executeAndCollectWithALimitReturnsTheFirstElementsAndCancelsTheJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> endless =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        i -> "#" + i, DataGeneratorSource.UNBOUNDED, Types.STRING),
                                "Endless")
                        .map(s -> s + "!");
        CompletableFuture<JobClient> client = Jobs.nextClient(endless);

        List<String> first = endless.executeAndCollect(1000);

        assertThat(first)
                .containsExactlyElementsOf(
                        LongStream.range(0, 1000).mapToObj(i -> "#" + i + "!").toList());
        JobClient job = client.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> job.getJobExecutionResult().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(JobStatus.CANCELED));
    }

    @Test
    void executeAndCollectWithALimitAboveTheSizeReturnsEverything() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThat(env.fromElements("x", "y", "z").executeAndCollect(10))
                .containsExactly("x", "y", "z");
    }

    @Test
    void iteratingTheResultsOfAFailingJobThrowsTheJobsFailure() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> failing =
                env.fromSequence(0, 100_000)
                        .map(
                                i -> {
                                    if (i == 77_777) {
                                        throw new IllegalArgumentException("bad record " + i);
                                    }
                                    return i;
                                })
                        .name("Picky");

        List<Long> received = new ArrayList<>();
        try (CloseableIterator<Long> it = failing.executeAndCollect()) {
            assertThatThrownBy(() -> it.forEachRemaining(received::add))
                    .isInstanceOf(JobFailedException.class)
                    .hasCauseInstanceOf(JobExecutionException.class)
                    .satisfies(
                            e -> {
                                JobExecutionException job = (JobExecutionException) e.getCause();
                                assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
                                assertThat(job.getCause())
                                        .isInstanceOf(OperatorException.class)
                                        .hasMessageContaining("'Picky'");
                            })
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("bad record 77777");
        }
        assertThat(received).doesNotContain(77_777L);
    }

    // ------------------------------------------------------------------ capturing the console

    /** What a job printed, line by line. */
    record Output(List<String> stdout, List<String> stderr) {}

    /**
     * Runs a job whose source is {@code fromSequence(0, 99)} at {@code parallelism} with two sinks
     * on it, and returns what it printed. System.out and System.err are restored afterwards.
     */
    private static Output runCapturingOutput(
            int parallelism, Consumer<DataStream<Long>> sink1, Consumer<DataStream<Long>> sink2)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Long> numbers = env.fromSequence(0, 99);
        sink1.accept(numbers);
        sink2.accept(numbers);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            env.execute("print");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Output(lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

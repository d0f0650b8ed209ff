package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobClient;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.JobStatus;
import io.spate.common.time.ManualClock;
import io.spate.common.util.CloseableIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The built-in sources: collections, sequences and the data generator. */
class SourcesIT {

    @Test
    void fromElementsKeepsTheGivenOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStreamSource<String> source =
                env.fromElements("delta", "alpha", "echo", "charlie", "alpha", "bravo");

        // Through an exchange too, not only a fused call chain.
        List<String> out = Jobs.collect(source.map(s -> s + "!").startNewChain());

        assertThat(source.getParallelism()).isEqualTo(1);
        assertThat(out)
                .containsExactly("delta!", "alpha!", "echo!", "charlie!", "alpha!", "bravo!");
    }

    @Test
    void fromCollectionKeepsTheOrderOfAThousandElements() throws Exception {
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 1000).boxed().toList());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        // The collection source is not parallel, even in an environment of parallelism 4.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        DataStreamSource<Integer> source = env.fromCollection(shuffled);

        assertThat(source.getParallelism()).isEqualTo(1);
        assertThat(Jobs.collect(source)).containsExactlyElementsOf(shuffled);
    }

    @Test
    void emptyCollectionsAndGeneratorsGiveEmptyStreamsThatFinish() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        assertThat(Jobs.collect(env.fromCollection(List.of(), Types.STRING))).isEmpty();
        assertThat(
                        Jobs.collect(
                                env.fromSource(
                                        new DataGeneratorSource<>(i -> i, 0, Types.LONG),
                                        "Nothing")))
                .isEmpty();
        // Fewer records than subtasks: some subtasks have nothing to read.
        assertThat(
                        Jobs.collect(
                                env.fromSource(
                                        new DataGeneratorSource<>(i -> i, 2, Types.LONG), "Two")))
                .containsExactlyInAnyOrder(0L, 1L);
    }

    @Test
    void aCollectionSourceCannotBeMadeParallel() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStreamSource<String> source = env.fromElements("a", "b");

        assertThatThrownBy(() -> source.setParallelism(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Collection Source' is not parallel");
    }

    @Test
    void nullElementsAreRefusedWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> env.fromElements("a", null, "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Element 1")
                .hasMessageContaining("cannot carry null");
        assertThatThrownBy(() -> env.fromCollection(Arrays.asList("a", "b", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Element 2")
                .hasMessageContaining("cannot carry null");
        assertThatThrownBy(() -> env.fromElements(String.class, "a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Element 1")
                .hasMessageContaining("cannot carry null");
        assertThatThrownBy(() -> env.fromCollection(Arrays.asList(null, "b"), Types.STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Element 0")
                .hasMessageContaining("cannot carry null");
        assertThat(env.getTransformations()).isEmpty();
    }

    @Test
    void fromSequenceAtParallelismFourYieldsEveryNumberOnceInContiguousRanges() throws Exception {
        long n = 100_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Tagged> out = Jobs.collect(env.fromSequence(0, n).map(new Tagged.Tag()));

        assertThat(out).hasSize((int) n + 1);
        assertThat(out.stream().mapToLong(Tagged::value).sorted().toArray())
                .isEqualTo(LongStream.rangeClosed(0, n).toArray());
        // Each subtask reads one range of the sequence, in order.
        Map<Integer, List<Tagged>> bySubtask = Jobs.groupBy(out, Tagged::subtask);
        assertThat(bySubtask).containsOnlyKeys(0, 1, 2, 3);
        bySubtask.forEach(
                (subtask, values) -> {
                    long first = values.get(0).value();
                    for (int i = 0; i < values.size(); i++) {
                        assertThat(values.get(i).value()).isEqualTo(first + i);
                    }
                });
    }

    @Test
    void aBoundedGeneratorProducesEachIndexOnceAndFinishes() throws Exception {
        DataGeneratorSource<String> generator =
                new DataGeneratorSource<>(i -> "event-" + i, 10_000, Types.STRING);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<String> out = Jobs.collect(env.fromSource(generator, "Generator"));

        assertThat(generator.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(Jobs.sorted(out))
                .isEqualTo(
                        Jobs.sorted(
                                LongStream.range(0, 10_000).mapToObj(i -> "event-" + i).toList()));
    }

    @Test
    void anUnboundedGeneratorRunsUntilTheFirstElementsAreTakenAndIsThenCancelled()
            throws Exception {
        DataGeneratorSource<Long> generator =
                new DataGeneratorSource<>(i -> i * 10, DataGeneratorSource.UNBOUNDED, Types.LONG);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> stream = env.fromSource(generator, "Endless");
        CompletableFuture<JobClient> client = Jobs.nextClient(stream);

        List<Long> first = stream.executeAndCollect(500);

        assertThat(generator.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(first)
                .containsExactlyElementsOf(
                        LongStream.range(0, 500).map(i -> i * 10).boxed().toList());
        assertCancelled(client.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anUnboundedGeneratorAtParallelismFourStopsWhenCancelled() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, DataGeneratorSource.UNBOUNDED, Types.LONG),
                        "Endless")
                .map(i -> i + 1)
                .sinkTo(new DiscardSink<>());
        JobClient client = env.executeAsync("endless");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.getMetrics().get(5, TimeUnit.SECONDS).getRecordsOut() > 10_000);
        assertThat(client.getJobStatus().get(5, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);

        client.cancel().get(10, TimeUnit.SECONDS);

        assertCancelled(client);
    }

    @Test
    void aRateLimitedGeneratorEmitsOnlyWhatItsClockAllows() throws Exception {
        // 20 records per second over 2 subtasks: each may emit one at once, then 10 per second.
        ManualClock clock = new ManualClock(1_000_000);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setClock(clock);
        DataStream<Long> stream =
                env.fromSource(new DataGeneratorSource<>(i -> i, 100, 20.0, Types.LONG), "Paced");
        CompletableFuture<JobClient> nextClient = Jobs.nextClient(stream);

        try (CloseableIterator<Long> results = stream.executeAndCollect()) {
            JobClient client = nextClient.get(10, TimeUnit.SECONDS);
            awaitRecordsOut(client, 2);
            clock.advance(Duration.ofSeconds(1));
            awaitRecordsOut(client, 22);
            clock.advance(Duration.ofSeconds(2));
            awaitRecordsOut(client, 62);
            clock.advance(Duration.ofSeconds(10));

            List<Long> out = new ArrayList<>();
            results.forEachRemaining(out::add);
            assertThat(out)
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 100).boxed().toList());
            assertThat(client.getJobExecutionResult().get(30, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aGeneratorThatReturnsNullFailsTheJobNamingTheIndex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i == 7 ? null : "x" + i, 10, Types.STRING),
                        "Holey generator")
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("holey"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Holey generator")
                .hasMessageContaining("returned null for index 7");
    }

    /**
     * Waits until the job's sinks have received {@code expected} records, and checks that they did
     * not receive more: the generator is held back by its clock.
     */
    private static void awaitRecordsOut(JobClient client, long expected) {
        long received =
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(
                                () -> client.getMetrics().get(5, TimeUnit.SECONDS).getRecordsOut(),
                                n -> n >= expected);
        assertThat(received).isEqualTo(expected);
    }

    private static void assertCancelled(JobClient client) throws Exception {
        assertThatThrownBy(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(JobStatus.CANCELED));
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    }
}

package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionException;
import io.spate.api.execution.OperatorException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Where elements go between operators: each test tags elements with the index of the subtask that
 * sent them and of the one that received them.
 */
class PartitioningIT {

    @Test
    void forwardKeepsEveryElementInTheSubtaskOfTheSameIndex() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> fused = Jobs.collect(tagged(env, 0, 3999).forward().map(new Hop.Tag()));
        List<Hop> exchanged =
                Jobs.collect(tagged(env, 0, 3999).forward().map(new Hop.Tag()).startNewChain());

        for (List<Hop> hops : List.of(fused, exchanged)) {
            assertThat(values(hops)).isEqualTo(range(0, 3999));
            assertThat(hops).allSatisfy(h -> assertThat(h.to()).isEqualTo(h.from()));
            assertThat(subtasks(hops)).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void forwardBetweenDifferentParallelismsIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(0, 10)
                .name("Numbers")
                .forward()
                .map(i -> i)
                .name("Narrow")
                .setParallelism(2)
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.executeAsync("bad forward"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Forward partitioning from 'Numbers' (parallelism 4)")
                .hasMessageContaining("to 'Narrow' (parallelism 2)")
                .hasMessageContaining("needs equal parallelism");
    }

    @Test
    void rebalanceFromOneProducerSpreadsElementsEvenly() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(tagged(env, 0, 1000).setParallelism(1).rebalance().map(new Hop.Tag()));

        assertThat(values(hops)).isEqualTo(range(0, 1000));
        Map<Integer, Long> counts = countBy(hops);
        assertThat(counts).containsOnlyKeys(0, 1, 2, 3);
        // 1001 elements over 4 subtasks: 250 or 251 each.
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(250L, 251L));
    }

    @Test
    void rescaleFromTwoToFourSendsEachProducerToItsOwnHalf() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(
                        tagged(env, 0, 1999)
                                .setParallelism(2)
                                .rescale()
                                .map(new Hop.Tag())
                                .setParallelism(4));

        assertThat(values(hops)).isEqualTo(range(0, 1999));
        Map<Integer, Set<Integer>> reached = reachedBy(hops);
        assertThat(reached).containsOnlyKeys(0, 1);
        assertThat(reached.get(0)).containsExactly(0, 1);
        assertThat(reached.get(1)).containsExactly(2, 3);
    }

    @Test
    void rescaleFromFourToTwoMergesPairsOfProducers() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(tagged(env, 0, 1999).rescale().map(new Hop.Tag()).setParallelism(2));

        assertThat(values(hops)).isEqualTo(range(0, 1999));
        Map<Integer, Set<Integer>> reached = reachedBy(hops);
        assertThat(reached).containsOnlyKeys(0, 1, 2, 3);
        assertThat(reached.get(0)).containsExactly(0);
        assertThat(reached.get(1)).containsExactly(0);
        assertThat(reached.get(2)).containsExactly(1);
        assertThat(reached.get(3)).containsExactly(1);
    }

    @Test
    void broadcastSendsEveryElementToEverySubtask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);

        List<Hop> hops =
                Jobs.collect(tagged(env, 0, 499).setParallelism(2).broadcast().map(new Hop.Tag()));

        assertThat(hops).hasSize(3 * 500);
        Map<Integer, List<Hop>> byReceiver = Jobs.groupBy(hops, Hop::to);
        assertThat(byReceiver).containsOnlyKeys(0, 1, 2);
        byReceiver.forEach(
                (subtask, received) ->
                        assertThat(values(received))
                                .as("elements received by subtask %d", subtask)
                                .isEqualTo(range(0, 499)));
    }

    @Test
    void shuffleDeliversEveryElementOnceToRandomSubtasks() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(tagged(env, 0, 3999).setParallelism(2).shuffle().map(new Hop.Tag()));

        assertThat(values(hops)).isEqualTo(range(0, 3999));
        // Random but seeded: every producer reaches every consumer.
        Map<Integer, Set<Integer>> reached = reachedBy(hops);
        assertThat(reached.get(0)).containsExactly(0, 1, 2, 3);
        assertThat(reached.get(1)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void globalSendsEverythingToTheFirstSubtask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops = Jobs.collect(tagged(env, 0, 1999).global().map(new Hop.Tag()));

        assertThat(values(hops)).isEqualTo(range(0, 1999));
        assertThat(hops).allSatisfy(h -> assertThat(h.to()).isZero());
        assertThat(reachedBy(hops)).containsOnlyKeys(0, 1, 2, 3);
    }

    @Test
    void partitionCustomHonoursThePartitionersChoice() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(
                        tagged(env, 0, 1999)
                                .partitionCustom(new ByTens(), Tagged::value)
                                .map(new Hop.Tag())
                                .setParallelism(3));

        assertThat(values(hops)).isEqualTo(range(0, 1999));
        assertThat(hops).allSatisfy(h -> assertThat(h.to()).isEqualTo((h.value() / 10) % 3));
    }

    @Test
    void aCustomPartitionerAnsweringOutOfRangeFailsTheJobClearly() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(0, 100)
                .name("Numbers")
                .partitionCustom((Long key, int n) -> key == 42 ? n : 0, (Long v) -> v)
                .map(i -> i)
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> env.execute("bad partitioner"))
                .isInstanceOfSatisfying(
                        JobExecutionException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .contains("custom partitioner returned 4, outside [0, 4)")
                                    .contains("42");
                            assertThat(e.getCause())
                                    .isInstanceOfSatisfying(
                                            OperatorException.class,
                                            op ->
                                                    assertThat(op.getOperatorName())
                                                            .isEqualTo("Numbers"));
                        });
    }

    @Test
    void keyBySendsAllElementsOfAKeyToOneSubtask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);

        List<Hop> hops =
                Jobs.collect(tagged(env, 0, 9999).keyBy(t -> t.value() % 101).map(new Hop.Tag()));

        assertThat(values(hops)).isEqualTo(range(0, 9999));
        Map<Long, Set<Integer>> subtasksOfKey =
                hops.stream()
                        .collect(
                                Collectors.groupingBy(
                                        h -> h.value() % 101,
                                        Collectors.mapping(Hop::to, Collectors.toSet())));
        assertThat(subtasksOfKey).hasSize(101);
        assertThat(subtasksOfKey.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        // 101 keys are spread: every subtask owns some.
        assertThat(subtasks(hops)).containsExactly(0, 1, 2, 3);
    }

    /** The numbers {@code from..to} (parallel), each tagged with the subtask that produced it. */
    private static SingleOutputStreamOperator<Tagged> tagged(
            StreamExecutionEnvironment env, long from, long to) {
        return env.fromSequence(from, to).map(new Tagged.Tag());
    }

    private static List<Long> values(List<Hop> hops) {
        return hops.stream().map(Hop::value).sorted().toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static Set<Integer> subtasks(List<Hop> hops) {
        return hops.stream().map(Hop::to).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<Integer, Long> countBy(List<Hop> hops) {
        return hops.stream().collect(Collectors.groupingBy(Hop::to, Collectors.counting()));
    }

    /** For each sending subtask, the receiving subtasks it reached. */
    private static Map<Integer, Set<Integer>> reachedBy(List<Hop> hops) {
        return hops.stream()
                .collect(
                        Collectors.groupingBy(
                                Hop::from,
                                Collectors.mapping(
                                        Hop::to, Collectors.toCollection(TreeSet::new))));
    }

    /** Picks partition {@code (value / 10) mod n}. */
    static final class ByTens implements Partitioner<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Long key, int numPartitions) {
            return (int) ((key / 10) % numPartitions);
        }
    }
}

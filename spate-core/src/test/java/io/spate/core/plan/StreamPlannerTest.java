package io.spate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SinkWriterContext;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.graph.PartitionSpec.Kind;
import io.spate.api.graph.Pipeline;
import io.spate.common.time.ManualClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamPlannerTest {

    /** A sink that writes nothing; enough to plan a job. */
    static final class DiscardSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<T> createWriter(SinkWriterContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {}

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    private static JobGraph plan(StreamExecutionEnvironment env) {
        Pipeline pipeline =
                new Pipeline(
                        "test job",
                        env.getTransformations(),
                        env.getConfig(),
                        env.getConfiguration(),
                        new ManualClock());
        return StreamPlanner.plan(pipeline, 1);
    }

    /** The names of each vertex's operators, vertex by vertex. */
    private static List<List<String>> chains(JobGraph graph) {
        List<List<String>> chains = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            chains.add(v.operators().stream().map(ChainedOperator::name).toList());
        }
        return chains;
    }

    private static JobVertex vertexNamed(JobGraph graph, String operatorName) {
        return graph.vertices().stream()
                .filter(v -> v.operators().stream().anyMatch(o -> o.name().equals(operatorName)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operator " + operatorName));
    }

    private static ChainedOperator operatorNamed(JobGraph graph, String operatorName) {
        return vertexNamed(graph, operatorName).operators().stream()
                .filter(o -> o.name().equals(operatorName))
                .findFirst()
                .orElseThrow();
    }

    private static MapFunction<Long, Long> plusOne() {
        return v -> v + 1;
    }

    private static SingleOutputStreamOperator<Long> source(
            StreamExecutionEnvironment env, String name) {
        return env.fromSequence(0, 10).name(name);
    }

    // ------------------------------------------------------------------ chaining

    @Test
    void forwardEdgesBetweenEqualParallelismFuseIntoOneVertex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .map(plusOne())
                .name("m")
                .filter(v -> v > 0)
                .name("f")
                .sinkTo(new DiscardSink<>())
                .name("sink");

        JobGraph graph = plan(env);

        assertThat(chains(graph)).containsExactly(List.of("src", "m", "f", "sink"));
        assertThat(graph.edges()).isEmpty();
        JobVertex v = graph.vertices().get(0);
        assertThat(v.parallelism()).isEqualTo(2);
        assertThat(v.isSource()).isTrue();
        assertThat(v.inputEdges()).isEmpty();
        assertThat(v.name()).isEqualTo("src -> m -> f -> sink");
        assertThat(v.operators().get(0).chainedOutputs()).containsExactly(1);
        assertThat(v.operators().get(1).chainedOutputs()).containsExactly(2);
        assertThat(v.operators().get(2).chainedOutputs()).containsExactly(3);
        assertThat(v.operators().get(3).chainedOutputs()).isEmpty();
        assertThat(v.operators().get(3).kind()).isEqualTo(ChainedOperator.Kind.SINK);
        assertThat(graph.maxVertexParallelism()).isEqualTo(2);
    }

    @Test
    void aFanOutOfForwardEdgesStaysInOneVertex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> src = source(env, "src");
        src.map(plusOne()).name("a").sinkTo(new DiscardSink<>()).name("sink a");
        src.map(plusOne()).name("b").sinkTo(new DiscardSink<>()).name("sink b");

        JobGraph graph = plan(env);

        assertThat(graph.vertices()).hasSize(1);
        JobVertex v = graph.vertices().get(0);
        List<String> names = v.operators().stream().map(ChainedOperator::name).toList();
        int[] fromSource = v.operators().get(0).chainedOutputs();
        assertThat(fromSource).hasSize(2);
        Set<String> fed = new HashSet<>();
        for (int i : fromSource) {
            fed.add(names.get(i));
        }
        assertThat(fed).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void rebalanceBreaksTheChain() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src").rebalance().map(plusOne()).name("m").sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(chains(graph)).containsExactly(List.of("src"), List.of("m", "Sink"));
        assertThat(graph.edges()).hasSize(1);
        JobEdge edge = graph.edges().get(0);
        assertThat(edge.partitioning().kind()).isEqualTo(Kind.REBALANCE);
        assertThat(edge.sourceVertex()).isEqualTo(graph.vertices().get(0).id());
        assertThat(edge.sourceOperator()).isZero();
        assertThat(edge.targetVertex()).isEqualTo(graph.vertices().get(1).id());
        assertThat(edge.serializer()).isNotNull();
        assertThat(graph.vertices().get(0).operators().get(0).outputEdges())
                .containsExactly(edge.id());
        assertThat(graph.vertices().get(1).inputEdges()).containsExactly(edge.id());
    }

    @Test
    void keyByBreaksTheChainAndMakesTheConsumerKeyed() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .keyBy((KeySelector<Long, Long>) v -> v % 3, Types.LONG)
                .reduce(Long::sum)
                .name("sum")
                .sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(chains(graph)).containsExactly(List.of("src"), List.of("sum", "Sink"));
        assertThat(graph.edges())
                .singleElement()
                .satisfies(e -> assertThat(e.partitioning().kind()).isEqualTo(Kind.KEY_GROUPS));
        ChainedOperator sum = operatorNamed(graph, "sum");
        assertThat(sum.isKeyed()).isTrue();
        assertThat(sum.keySelector()).isNotNull();
        assertThat(sum.keySerializer()).isNotNull();
        assertThat(operatorNamed(graph, "src").isKeyed()).isFalse();
    }

    @Test
    void aUnionBreaksTheChainWithOneEdgePerInput() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> a = source(env, "a");
        DataStream<Long> b = source(env, "b");
        a.union(b).map(plusOne()).name("m").sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(chains(graph)).containsExactly(List.of("a"), List.of("b"), List.of("m", "Sink"));
        JobVertex m = vertexNamed(graph, "m");
        assertThat(m.inputEdges()).hasSize(2);
        Set<Integer> sources =
                m.inputEdges().stream()
                        .map(id -> graph.edge(id).sourceVertex())
                        .collect(Collectors.toSet());
        assertThat(sources)
                .containsExactlyInAnyOrder(
                        vertexNamed(graph, "a").id(), vertexNamed(graph, "b").id());
    }

    @Test
    void disableChainingIsolatesTheOperatorFromBothNeighbours() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .map(plusOne())
                .name("m")
                .disableChaining()
                .filter(v -> true)
                .name("f")
                .sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(chains(graph))
                .containsExactly(List.of("src"), List.of("m"), List.of("f", "Sink"));
        assertThat(graph.edges())
                .extracting(e -> e.partitioning().kind())
                .containsOnly(Kind.FORWARD);
    }

    @Test
    void startNewChainBreaksOnlyBeforeTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .map(plusOne())
                .name("m")
                .filter(v -> true)
                .name("f")
                .startNewChain()
                .map(plusOne())
                .name("after")
                .sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(chains(graph))
                .containsExactly(List.of("src", "m"), List.of("f", "after", "Sink"));
    }

    @Test
    void differingParallelismBreaksTheChainWithARebalance() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .map(plusOne())
                .name("m")
                .setParallelism(3)
                .sinkTo(new DiscardSink<>())
                .setParallelism(3);

        JobGraph graph = plan(env);

        assertThat(chains(graph)).containsExactly(List.of("src"), List.of("m", "Sink"));
        assertThat(vertexNamed(graph, "src").parallelism()).isEqualTo(2);
        assertThat(vertexNamed(graph, "m").parallelism()).isEqualTo(3);
        assertThat(graph.edges().get(0).partitioning().kind()).isEqualTo(Kind.REBALANCE);
        assertThat(graph.maxVertexParallelism()).isEqualTo(3);
    }

    @Test
    void aNonParallelSourceRunsOnceAndRebalancesToItsConsumers() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromElements(1L, 2L, 3L).map(plusOne()).name("m").sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(graph.vertices().get(0).parallelism()).isEqualTo(1);
        assertThat(vertexNamed(graph, "m").parallelism()).isEqualTo(4);
        assertThat(graph.edges().get(0).partitioning().kind()).isEqualTo(Kind.REBALANCE);
    }

    @Test
    void thePartitioningNearestToTheConsumerWins() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src").rebalance().broadcast().map(plusOne()).sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(graph.edges())
                .singleElement()
                .satisfies(e -> assertThat(e.partitioning().kind()).isEqualTo(Kind.BROADCAST));
    }

    @Test
    void anExplicitForwardBetweenEqualParallelismsChains() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src").forward().map(plusOne()).name("m").sinkTo(new DiscardSink<>());

        assertThat(chains(plan(env))).containsExactly(List.of("src", "m", "Sink"));
    }

    @Test
    void aForwardEdgeBetweenDifferentParallelismsIsRefusedNamingBothOperators() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "numbers")
                .forward()
                .map(plusOne())
                .name("wider")
                .setParallelism(3)
                .sinkTo(new DiscardSink<>());

        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("'numbers' (parallelism 2)")
                .hasMessageContaining("'wider' (parallelism 3)")
                .hasMessageContaining("rebalance()");
    }

    // ------------------------------------------------------------------ names and settings

    @Test
    void metricsNamesAreUniqueWhenOperatorNamesCollide() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .map(plusOne())
                .name("step")
                .map(plusOne())
                .name("step")
                .map(plusOne())
                .name("unique")
                .sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        List<ChainedOperator> ops = graph.vertices().get(0).operators();
        List<String> metricsNames = ops.stream().map(ChainedOperator::metricsName).toList();
        assertThat(new HashSet<>(metricsNames)).hasSameSizeAs(metricsNames);
        assertThat(operatorNamed(graph, "unique").metricsName()).isEqualTo("unique");
        assertThat(operatorNamed(graph, "src").metricsName()).isEqualTo("src");
        assertThat(metricsNames.stream().filter(n -> n.startsWith("step"))).hasSize(2);
        // The names shown to people stay as given.
        assertThat(ops.stream().map(ChainedOperator::name).filter("step"::equals)).hasSize(2);
    }

    @Test
    void metricsNamesStayUniqueWhenAUserNameLooksLikeAGeneratedOne() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<Long> first = source(env, "src").map(plusOne()).name("step");
        SingleOutputStreamOperator<Long> second = first.map(plusOne()).name("step");
        // A third operator whose given name is what the first one's metrics name would become.
        second.map(plusOne())
                .name("step#" + first.getTransformation().getId())
                .sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        List<String> metricsNames =
                graph.vertices().stream()
                        .flatMap(v -> v.operators().stream())
                        .map(ChainedOperator::metricsName)
                        .toList();
        assertThat(new HashSet<>(metricsNames)).hasSameSizeAs(metricsNames);
    }

    @Test
    void uidsAndOutputTypesTravelWithTheOperators() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        source(env, "src").uid("source-uid").map(plusOne()).name("m").sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        assertThat(operatorNamed(graph, "src").uid()).isEqualTo("source-uid");
        assertThat(operatorNamed(graph, "m").uid()).isNull();
        assertThat(operatorNamed(graph, "m").outputType()).isEqualTo(Types.LONG);
        assertThat(operatorNamed(graph, "Sink").outputType()).isNull();
        assertThat(graph.name()).isEqualTo("test job");
    }

    // ------------------------------------------------------------------ max parallelism

    @Test
    void maxParallelismDefaultsTo128() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        source(env, "src").keyBy(v -> v, Types.LONG).reduce(Long::sum).name("sum").print();

        JobGraph graph = plan(env);

        assertThat(graph.vertices()).allSatisfy(v -> assertThat(v.maxParallelism()).isEqualTo(128));
    }

    @Test
    void theEnvironmentsMaxParallelismApplies() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.setMaxParallelism(256);
        source(env, "src").keyBy(v -> v, Types.LONG).reduce(Long::sum).name("sum").print();

        assertThat(vertexNamed(plan(env), "sum").maxParallelism()).isEqualTo(256);
    }

    @Test
    void aParallelismAboveTheDefaultGetsOneAndAHalfTimesItRoundedUpToAPowerOfTwo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        source(env, "src")
                .keyBy(v -> v, Types.LONG)
                .reduce(Long::sum)
                .name("sum")
                .setParallelism(200)
                .print()
                .setParallelism(200);

        JobGraph graph = plan(env);

        assertThat(vertexNamed(graph, "sum").maxParallelism()).isEqualTo(512);
        assertThat(vertexNamed(graph, "src").maxParallelism()).isEqualTo(128);
    }

    @Test
    void aKeyedOperatorsOwnMaxParallelismSetsTheKeyGroupsOfItsVertex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        source(env, "src")
                .keyBy(v -> v, Types.LONG)
                .reduce(Long::sum)
                .name("sum")
                .setMaxParallelism(64)
                .map(plusOne())
                .name("after")
                .print();

        JobGraph graph = plan(env);

        // The operators chained after the keyed one (default 128) must not override its setting.
        assertThat(vertexNamed(graph, "sum")).isSameAs(vertexNamed(graph, "after"));
        assertThat(vertexNamed(graph, "sum").maxParallelism()).isEqualTo(64);
    }

    @Test
    void theMaxParallelismOfOperatorsChainedAfterTheHeadIsStillChecked() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        source(env, "src")
                .keyBy(v -> v, Types.LONG)
                .reduce(Long::sum)
                .name("sum")
                .map(plusOne())
                .name("too narrow")
                .setMaxParallelism(2)
                .print();

        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("'too narrow'");
    }

    @Test
    void aMaxParallelismBelowTheParallelismIsRefusedNamingTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(8);
        source(env, "src")
                .keyBy(v -> v, Types.LONG)
                .reduce(Long::sum)
                .name("narrow sum")
                .setMaxParallelism(4)
                .print();

        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("'narrow sum'")
                .hasMessageContaining("parallelism 8")
                .hasMessageContaining("max parallelism 4");
    }

    // ------------------------------------------------------------------ what cannot run

    @Test
    void aFunctionThatCannotBeSerializedIsRefusedNamingTheOperatorAndTheClass() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Thread notSerializable = Thread.currentThread();
        source(env, "src")
                .map((MapFunction<Long, Long>) v -> v + notSerializable.getName().length())
                .returns(Types.LONG)
                .name("captures a thread")
                .print();

        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("function of operator 'captures a thread'")
                .hasMessageContaining("java.lang.Thread")
                .hasMessageContaining("not serializable");
    }

    @Test
    void aKeySelectorThatCannotBeSerializedIsRefusedNamingTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Object lock = new Object();
        source(env, "src")
                .keyBy((KeySelector<Long, Long>) v -> v + lock.hashCode() * 0L, Types.LONG)
                .reduce(Long::sum)
                .name("keyed sum")
                .print();

        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("key selector of operator 'keyed sum'")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void aJobWithoutOperatorsIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> plan(env))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("no operators");
    }

    @Test
    void verticesComeInTopologicalOrder() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> a = source(env, "a").rebalance().map(plusOne()).name("a2");
        DataStream<Long> b = source(env, "b").keyBy(v -> v, Types.LONG).reduce(Long::sum);
        a.union(b).rebalance().map(plusOne()).name("end").sinkTo(new DiscardSink<>());

        JobGraph graph = plan(env);

        List<Integer> order = graph.vertices().stream().map(JobVertex::id).toList();
        for (JobEdge e : graph.edges()) {
            assertThat(order.indexOf(e.sourceVertex()))
                    .as("edge %s", e)
                    .isLessThan(order.indexOf(e.targetVertex()));
        }
        assertThat(graph.describe()).contains("Job 'test job'").contains("--REBALANCE-->");
    }
}

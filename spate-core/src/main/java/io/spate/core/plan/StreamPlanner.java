package io.spate.core.plan;

import io.spate.annotations.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.OutputTag;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.graph.OneInputTransformation;
import io.spate.api.graph.PartitionSpec;
import io.spate.api.graph.PartitionTransformation;
import io.spate.api.graph.Pipeline;
import io.spate.api.graph.SideOutputTransformation;
import io.spate.api.graph.SinkTransformation;
import io.spate.api.graph.SourceSpec;
import io.spate.api.graph.SourceTransformation;
import io.spate.api.graph.Transformation;
import io.spate.api.graph.TwoInputTransformation;
import io.spate.api.graph.UnionTransformation;
import io.spate.common.serialization.TypeSerializer;
import io.spate.common.util.SerializedValue;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyGroups;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the logical graph of a {@link Pipeline} into a {@link JobGraph}:
 *
 * <ol>
 *   <li>resolves the virtual nodes (partitioning, union) into exchanges between operators;
 *   <li>fixes every operator's parallelism and number of key groups;
 *   <li>fuses chains: an operator joins its predecessor's vertex when the exchange between them is
 *       forward, their parallelism is equal, it has no other input and neither disabled chaining;
 *   <li>chooses a serializer for every stream and key type, and serializes every user function — so
 *       a type without a serializer or a function that cannot be shipped fails here, before
 *       anything runs, with a message naming the operator.
 * </ol>
 */
@Internal
public final class StreamPlanner {
    private final Pipeline pipeline;
    private final int defaultParallelism;
    private final int defaultMaxParallelism;
    private final SerializerFactory serializers;

    private final Map<Integer, Transformation<?>> physical = new TreeMap<>();
    private final Map<Integer, List<Input>> inputs = new HashMap<>();
    private final Map<Integer, Integer> parallelism = new HashMap<>();

    private StreamPlanner(Pipeline pipeline, int defaultParallelism) {
        this.pipeline = pipeline;
        Integer configured = pipeline.configuration().get(ExecutionOptions.PARALLELISM);
        this.defaultParallelism = configured != null ? configured : defaultParallelism;
        this.defaultMaxParallelism = pipeline.configuration().get(ExecutionOptions.MAX_PARALLELISM);
        this.serializers =
                new SerializerFactory(pipeline.executionConfig().getRegisteredSerializers());
    }

    /**
     * Plans a pipeline.
     *
     * @param defaultParallelism used for operators without one when the pipeline's configuration
     *     sets none
     * @throws InvalidProgramException when the job cannot run as written
     */
    public static JobGraph plan(Pipeline pipeline, int defaultParallelism) {
        return new StreamPlanner(pipeline, defaultParallelism).plan();
    }

    /**
     * An input of a physical node: the upstream node, the partitioning if one was given, and the
     * side output it reads ({@code null} for the main output).
     */
    private record Input(
            Transformation<?> upstream, PartitionSpec explicit, OutputTag<?> tag, int inputIndex) {

        String tagId() {
            return tag == null ? null : tag.getId();
        }
    }

    private JobGraph plan() {
        collect();
        checkUids();
        if (physical.isEmpty()) {
            throw new InvalidProgramException("The job has no operators");
        }
        for (Transformation<?> t : physical.values()) {
            parallelism.put(t.getId(), parallelismOf(t));
            List<Input> in = new ArrayList<>();
            List<Transformation<?>> direct = t.getInputs();
            for (int index = 0; index < direct.size(); index++) {
                // Only a two-input operator has a second input; a union is one input.
                resolve(direct.get(index), null, null, index, in);
            }
            inputs.put(t.getId(), in);
        }

        // Assign every node to a vertex; a chained node joins its upstream's vertex.
        Map<Integer, Integer> vertexOf = new HashMap<>();
        Map<Integer, List<Transformation<?>>> members = new LinkedHashMap<>();
        for (Transformation<?> t : physical.values()) {
            List<Input> in = inputs.get(t.getId());
            if (in.size() == 1 && chainable(in.get(0), t)) {
                int v = vertexOf.get(in.get(0).upstream().getId());
                vertexOf.put(t.getId(), v);
                members.get(v).add(t);
            } else {
                int v = members.size();
                vertexOf.put(t.getId(), v);
                members.put(v, new ArrayList<>(List.of(t)));
            }
        }

        // Exchanges between vertices.
        List<JobEdge> edges = new ArrayList<>();
        Map<Integer, List<OperatorOutput>> edgesFrom = new HashMap<>();
        Map<Integer, List<Integer>> edgesInto = new HashMap<>();
        Map<Integer, Integer> indexInVertex = new HashMap<>();
        for (List<Transformation<?>> ops : members.values()) {
            for (int i = 0; i < ops.size(); i++) {
                indexInVertex.put(ops.get(i).getId(), i);
            }
        }
        for (Transformation<?> t : physical.values()) {
            List<Input> in = inputs.get(t.getId());
            if (in.size() == 1 && chainable(in.get(0), t)) {
                continue;
            }
            for (Input input : in) {
                Transformation<?> up = input.upstream();
                PartitionSpec spec = partitioningOf(input, t);
                JobEdge edge =
                        new JobEdge(
                                edges.size(),
                                vertexOf.get(up.getId()),
                                indexInVertex.get(up.getId()),
                                vertexOf.get(t.getId()),
                                input.inputIndex(),
                                spec,
                                serializerOf(input));
                edges.add(edge);
                edgesFrom
                        .computeIfAbsent(up.getId(), k -> new ArrayList<>())
                        .add(new OperatorOutput(input.tagId(), false, edge.id()));
                edgesInto
                        .computeIfAbsent(edge.targetVertex(), k -> new ArrayList<>())
                        .add(edge.id());
            }
        }

        List<JobVertex> vertices = new ArrayList<>();
        for (Map.Entry<Integer, List<Transformation<?>>> e : members.entrySet()) {
            List<Transformation<?>> ops = e.getValue();
            List<ChainedOperator> chained = new ArrayList<>();
            // The vertex's key groups are its head's: only a head can be keyed (a keyed operator
            // follows a keyBy exchange), and the defaults of the operators chained after it must
            // not override what the keyed operator set. The others' settings are still checked.
            int maxParallelism = maxParallelismOf(ops.get(0));
            for (Transformation<?> t : ops) {
                List<OperatorOutput> outputs = new ArrayList<>();
                for (Transformation<?> other : ops) {
                    List<Input> in = inputs.get(other.getId());
                    if (other != t
                            && in.size() == 1
                            && in.get(0).upstream() == t
                            && chainable(in.get(0), other)) {
                        outputs.add(
                                new OperatorOutput(
                                        in.get(0).tagId(), true, indexInVertex.get(other.getId())));
                    }
                }
                outputs.addAll(edgesFrom.getOrDefault(t.getId(), List.of()));
                chained.add(toChainedOperator(t, outputs));
                maxParallelismOf(t);
            }
            vertices.add(
                    new JobVertex(
                            e.getKey(),
                            parallelism.get(ops.get(0).getId()),
                            maxParallelism,
                            chained,
                            edgesInto.getOrDefault(e.getKey(), List.of())));
        }
        return new JobGraph(
                pipeline.jobName(),
                vertices,
                edges,
                pipeline.executionConfig(),
                pipeline.configuration());
    }

    private void checkUids() {
        Map<String, Transformation<?>> byUid = new HashMap<>();
        for (Transformation<?> t : physical.values()) {
            if (t.getUid() != null) {
                Transformation<?> other = byUid.put(t.getUid(), t);
                if (other != null) {
                    throw new InvalidProgramException(
                            "The uid '"
                                    + t.getUid()
                                    + "' is given to two operators, '"
                                    + other.getName()
                                    + "' and '"
                                    + t.getName()
                                    + "'; uids must be unique within a job");
                }
            }
        }
    }

    /** Finds every node reachable from the registered ones. */
    private void collect() {
        List<Transformation<?>> stack = new ArrayList<>(pipeline.transformations());
        Map<Integer, Transformation<?>> seen = new HashMap<>();
        while (!stack.isEmpty()) {
            Transformation<?> t = stack.remove(stack.size() - 1);
            if (seen.put(t.getId(), t) != null) {
                continue;
            }
            if (t instanceof SourceTransformation
                    || t instanceof OneInputTransformation
                    || t instanceof TwoInputTransformation
                    || t instanceof SinkTransformation) {
                physical.put(t.getId(), t);
            } else if (!(t instanceof PartitionTransformation)
                    && !(t instanceof UnionTransformation)
                    && !(t instanceof SideOutputTransformation)) {
                throw new InvalidProgramException("Unknown kind of node: " + t);
            }
            stack.addAll(t.getInputs());
        }
    }

    /** Walks up through virtual nodes; the partitioning nearest to the consumer wins. */
    private void resolve(
            Transformation<?> t,
            PartitionSpec pending,
            OutputTag<?> tag,
            int inputIndex,
            List<Input> out) {
        if (t instanceof PartitionTransformation) {
            PartitionTransformation<?> p = (PartitionTransformation<?>) t;
            resolve(
                    p.getInput(),
                    pending != null ? pending : p.getPartitioning(),
                    tag,
                    inputIndex,
                    out);
        } else if (t instanceof UnionTransformation) {
            for (Transformation<?> i : ((UnionTransformation<?>) t).getUnionInputs()) {
                resolve(i, pending, tag, inputIndex, out);
            }
        } else if (t instanceof SideOutputTransformation) {
            SideOutputTransformation<?> side = (SideOutputTransformation<?>) t;
            if (!physical.containsKey(side.getInput().getId())
                    || side.getInput() instanceof SinkTransformation) {
                throw new InvalidProgramException(
                        "Side outputs can only be taken from an operator, not from '"
                                + side.getInput().getName()
                                + "'");
            }
            resolve(side.getInput(), pending, side.getTag(), inputIndex, out);
        } else {
            out.add(new Input(t, pending, tag, inputIndex));
        }
    }

    private int parallelismOf(Transformation<?> t) {
        if (t.getFixedParallelism() != Transformation.DEFAULT) {
            return t.getFixedParallelism();
        }
        return t.getParallelism() != Transformation.DEFAULT
                ? t.getParallelism()
                : defaultParallelism;
    }

    private int maxParallelismOf(Transformation<?> t) {
        int p = parallelism.get(t.getId());
        if (t.getMaxParallelism() != Transformation.DEFAULT) {
            if (t.getMaxParallelism() < p) {
                throw new InvalidProgramException(
                        "Operator '"
                                + t.getName()
                                + "' has parallelism "
                                + p
                                + " but max parallelism "
                                + t.getMaxParallelism()
                                + "; the max parallelism must be at least the parallelism");
            }
            return t.getMaxParallelism();
        }
        return p <= defaultMaxParallelism
                ? defaultMaxParallelism
                : KeyGroups.defaultMaxParallelism(p);
    }

    private PartitionSpec partitioningOf(Input input, Transformation<?> consumer) {
        int up = parallelism.get(input.upstream().getId());
        int down = parallelism.get(consumer.getId());
        PartitionSpec spec = input.explicit();
        if (spec == null) {
            return PartitionSpec.of(
                    up == down ? PartitionSpec.Kind.FORWARD : PartitionSpec.Kind.REBALANCE);
        }
        if (spec.kind() == PartitionSpec.Kind.FORWARD && up != down) {
            throw new InvalidProgramException(
                    "Forward partitioning from '"
                            + input.upstream().getName()
                            + "' (parallelism "
                            + up
                            + ") to '"
                            + consumer.getName()
                            + "' (parallelism "
                            + down
                            + ") needs equal parallelism; use rebalance() or rescale()");
        }
        return spec;
    }

    private boolean chainable(Input input, Transformation<?> consumer) {
        Transformation<?> up = input.upstream();
        return partitioningOf(input, consumer).kind() == PartitionSpec.Kind.FORWARD
                && !consumer.isChainingDisabled()
                && !consumer.startsNewChain()
                && !up.isChainingDisabled()
                && !(consumer instanceof SourceTransformation);
    }

    private TypeSerializer<?> serializerOf(Input input) {
        if (input.tag() == null) {
            return serializerOf(input.upstream());
        }
        try {
            return serializers.create(input.tag().getType());
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "The side output '"
                            + input.tagId()
                            + "' of operator '"
                            + input.upstream().getName()
                            + "' cannot be serialized. "
                            + e.getMessage(),
                    e);
        }
    }

    private TypeSerializer<?> serializerOf(Transformation<?> t) {
        TypeInfo<?> type;
        try {
            type = t.getOutputType();
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "The output type of operator '"
                            + t.getName()
                            + "' is unknown: "
                            + e.getMessage(),
                    e);
        }
        try {
            return serializers.create(type);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "The output of operator '"
                            + t.getName()
                            + "' cannot be serialized. "
                            + e.getMessage(),
                    e);
        }
    }

    private ChainedOperator toChainedOperator(Transformation<?> t, List<OperatorOutput> outputs) {
        ChainedOperator.Kind kind;
        Object userCode;
        boolean blocking = false;
        Object keySelector = null;
        Object keySelector2 = null;
        TypeSerializer<?> keySerializer = null;
        TypeInfo<?> outputType = null;
        if (t instanceof SourceTransformation) {
            kind = ChainedOperator.Kind.SOURCE;
            SourceTransformation<?> source = (SourceTransformation<?>) t;
            userCode = sourceSpec(source);
            blocking = ((SourceTransformation<?>) t).getSource().isBlocking();
        } else if (t instanceof SinkTransformation) {
            kind = ChainedOperator.Kind.SINK;
            userCode = ((SinkTransformation<?>) t).getSink();
            blocking = ((SinkTransformation<?>) t).getSink().isBlocking();
        } else if (t instanceof TwoInputTransformation) {
            TwoInputTransformation<?, ?, ?> two = (TwoInputTransformation<?, ?, ?>) t;
            kind = ChainedOperator.Kind.TWO_INPUT;
            userCode = two.getSpec();
            keySelector = two.getKeySelector1();
            keySelector2 = two.getKeySelector2();
            if (keySelector != null) {
                keySerializer = keySerializerOf(t, two.getKeyType());
            }
        } else {
            OneInputTransformation<?, ?> one = (OneInputTransformation<?, ?>) t;
            kind = ChainedOperator.Kind.ONE_INPUT;
            userCode = one.getSpec();
            keySelector = one.getKeySelector();
            if (keySelector != null) {
                keySerializer = keySerializerOf(t, one.getKeyType());
            }
        }
        if (kind != ChainedOperator.Kind.SINK) {
            serializerOf(t);
            outputType = t.getOutputType();
        }
        return new ChainedOperator(
                t.getId(),
                t.getName(),
                metricsName(t),
                t.getUid(),
                t.getUid() != null ? t.getUid() : "auto:" + t.getId() + ":" + t.getName(),
                kind,
                serialize(userCode, t, "function"),
                keySelector == null ? null : serialize(keySelector, t, "key selector"),
                keySelector2 == null ? null : serialize(keySelector2, t, "key selector"),
                outputType,
                keySerializer,
                blocking,
                outputs);
    }

    private TypeSerializer<?> keySerializerOf(Transformation<?> t, TypeInfo<?> keyType) {
        try {
            return serializers.create(keyType);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "The key of operator '"
                            + t.getName()
                            + "' cannot be serialized. "
                            + e.getMessage(),
                    e);
        }
    }

    private static <T> SourceSpec<T> sourceSpec(SourceTransformation<T> t) {
        return new SourceSpec<>(t.getSource(), t.getWatermarkStrategy());
    }

    private String metricsName(Transformation<?> t) {
        if (operatorsNamed(t.getName()) <= 1) {
            return t.getName();
        }
        // The suffix repeats while another operator was given this very name, so generated names
        // never meet given ones; and two generated names differ in their last '#' segment, the id.
        String name = t.getName() + "#" + t.getId();
        while (operatorsNamed(name) > 0) {
            name = name + "#" + t.getId();
        }
        return name;
    }

    private long operatorsNamed(String name) {
        return physical.values().stream().filter(o -> o.getName().equals(name)).count();
    }

    private static SerializedValue<Object> serialize(
            Object userCode, Transformation<?> t, String what) {
        try {
            return SerializedValue.of(userCode);
        } catch (NotSerializableException e) {
            throw new InvalidProgramException(
                    "The "
                            + what
                            + " of operator '"
                            + t.getName()
                            + "' cannot be shipped to the workers: it holds or captures an object of"
                            + " class "
                            + e.getMessage()
                            + ", which is not serializable. Make it Serializable, mark the field"
                            + " transient and create it in open(), or avoid capturing it in the lambda.",
                    e);
        } catch (IOException e) {
            throw new InvalidProgramException(
                    "The " + what + " of operator '" + t.getName() + "' cannot be serialized: " + e,
                    e);
        }
    }
}

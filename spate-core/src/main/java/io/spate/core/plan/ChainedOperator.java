package io.spate.core.plan;

import io.spate.annotations.Internal;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.common.serialization.TypeSerializer;
import io.spate.common.util.SerializedValue;
import java.io.Serializable;
import java.util.List;

/**
 * One operator inside a vertex's fused chain: what it is (its user code, serialized so that each
 * subtask gets a copy of its own), where its output goes inside the chain and which exchanges leave
 * the chain from it.
 */
@Internal
public final class ChainedOperator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of operator; says what {@link #userCode()} holds. */
    public enum Kind {
        /** userCode is the {@code Source}. */
        SOURCE,
        /** userCode is the {@code OperatorSpec}. */
        ONE_INPUT,
        /** userCode is the {@code TwoInputOperatorSpec}; only ever a chain's head. */
        TWO_INPUT,
        /** userCode is the {@code Sink}. */
        SINK
    }

    private final int transformationId;
    private final String name;
    private final String metricsName;
    private final String uid;
    private final String operatorId;
    private final Kind kind;
    private final SerializedValue<Object> userCode;
    private final SerializedValue<Object> keySelector;
    private final SerializedValue<Object> keySelector2;
    private final TypeInfo<?> outputType;
    private final TypeSerializer<?> keySerializer;
    private final boolean blocking;
    private final List<OperatorOutput> outputs;

    public ChainedOperator(
            int transformationId,
            String name,
            String metricsName,
            String uid,
            String operatorId,
            Kind kind,
            SerializedValue<Object> userCode,
            SerializedValue<Object> keySelector,
            SerializedValue<Object> keySelector2,
            TypeInfo<?> outputType,
            TypeSerializer<?> keySerializer,
            boolean blocking,
            List<OperatorOutput> outputs) {
        this.transformationId = transformationId;
        this.name = name;
        this.metricsName = metricsName;
        this.uid = uid;
        this.operatorId = operatorId;
        this.kind = kind;
        this.userCode = userCode;
        this.keySelector = keySelector;
        this.keySelector2 = keySelector2;
        this.outputType = outputType;
        this.keySerializer = keySerializer;
        this.blocking = blocking;
        this.outputs = List.copyOf(outputs);
    }

    public int transformationId() {
        return transformationId;
    }

    public String name() {
        return name;
    }

    /**
     * The operator's name in counters: its name, made unique within the job by its id when several
     * operators share a name.
     */
    public String metricsName() {
        return metricsName;
    }

    /**
     * The id the operator's state is stored under in checkpoints and savepoints: its uid, or one
     * derived from its position and name (which changes when the job's code changes).
     */
    public String operatorId() {
        return operatorId;
    }

    /** The user's uid, or {@code null}. */
    public String uid() {
        return uid;
    }

    public Kind kind() {
        return kind;
    }

    public SerializedValue<Object> userCode() {
        return userCode;
    }

    /** The key selector of a keyed operator, or {@code null}. */
    public SerializedValue<Object> keySelector() {
        return keySelector;
    }

    /** The key selector of a keyed two-input operator's second input, or {@code null}. */
    public SerializedValue<Object> keySelector2() {
        return keySelector2;
    }

    public boolean isKeyed() {
        return keySelector != null;
    }

    public TypeInfo<?> outputType() {
        return outputType;
    }

    /** The serializer of the key type of a keyed operator, or {@code null}. */
    public TypeSerializer<?> keySerializer() {
        return keySerializer;
    }

    /** Whether the operator blocks its thread (I/O-bound sources and sinks). */
    public boolean isBlocking() {
        return blocking;
    }

    /** Where the operator's main and side outputs go, inside and outside the chain. */
    public List<OperatorOutput> outputs() {
        return outputs;
    }

    /** Indexes (in the vertex's operator list) of the operators this one feeds by method call. */
    public int[] chainedOutputs() {
        return outputs.stream()
                .filter(OperatorOutput::chained)
                .mapToInt(OperatorOutput::target)
                .toArray();
    }

    /** Ids of the edges that leave the vertex from this operator. */
    public int[] outputEdges() {
        return outputs.stream()
                .filter(o -> !o.chained())
                .mapToInt(OperatorOutput::target)
                .toArray();
    }

    @Override
    public String toString() {
        return name + "(" + kind + ")";
    }
}

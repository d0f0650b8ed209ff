package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.typeinfo.InvalidTypesException;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A node of the logical graph that the DataStream API builds: what to compute, not how. The planner
 * in spate-core turns these into a job graph. Mutable while the user configures it ({@code name},
 * {@code uid}, {@code setParallelism}); read-only once the job is submitted.
 *
 * @param <T> the type of the elements this node produces
 */
@Internal
public abstract class Transformation<T> {
    /** Parallelism not set: the environment's default applies. */
    public static final int DEFAULT = -1;

    private final int id;
    private String name;
    private String uid;
    private int parallelism = DEFAULT;
    private int maxParallelism = DEFAULT;
    private TypeInfo<T> outputType;
    private InvalidTypesException outputTypeError;
    private boolean chainingDisabled;
    private boolean startsNewChain;

    protected Transformation(int id, String name, TypeInfo<T> outputType) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.outputType = outputType;
    }

    /** Unique within one environment; also the order of creation. */
    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An operator name must not be empty");
        }
        this.name = name;
    }

    /** The user-given stable identifier, or {@code null}. */
    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("A uid must not be empty");
        }
        this.uid = uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT) {
            throw new IllegalArgumentException(
                    "The parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException(
                    "The max parallelism of '"
                            + name
                            + "' must be in [1, 32768], was "
                            + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    /**
     * The output type. Throws the error recorded when the type could not be determined, which tells
     * the user to call {@code returns(...)}.
     */
    public TypeInfo<T> getOutputType() {
        if (outputType == null) {
            if (outputTypeError != null) {
                throw outputTypeError;
            }
            throw new InvalidProgramException("The output type of '" + name + "' is not known");
        }
        return outputType;
    }

    public boolean hasOutputType() {
        return outputType != null;
    }

    public void setOutputType(TypeInfo<T> type) {
        this.outputType = Objects.requireNonNull(type, "type");
        this.outputTypeError = null;
    }

    /** Records why the output type is unknown; reported when the type is needed. */
    public void setOutputTypeError(InvalidTypesException error) {
        this.outputType = null;
        this.outputTypeError = error;
    }

    public boolean isChainingDisabled() {
        return chainingDisabled;
    }

    public void disableChaining() {
        this.chainingDisabled = true;
    }

    public boolean startsNewChain() {
        return startsNewChain;
    }

    public void startNewChain() {
        this.startsNewChain = true;
    }

    /** The nodes this one reads from. */
    public abstract List<Transformation<?>> getInputs();

    /** Whether the parallelism is fixed by the kind of node (a non-parallel source). */
    public int getFixedParallelism() {
        return DEFAULT;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + id + ": " + name + "}";
    }
}

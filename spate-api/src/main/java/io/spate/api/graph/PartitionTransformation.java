package io.spate.api.graph;

import io.spate.annotations.Internal;
import java.util.List;

/**
 * Not an operator: says how the input's elements are distributed to the next operator's subtasks.
 */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final PartitionSpec partitioning;

    public PartitionTransformation(int id, Transformation<T> input, PartitionSpec partitioning) {
        super(id, "Partition(" + partitioning.kind() + ")", null);
        this.input = input;
        this.partitioning = partitioning;
        if (input.hasOutputType()) {
            setOutputType(input.getOutputType());
        }
    }

    public Transformation<T> getInput() {
        return input;
    }

    public PartitionSpec getPartitioning() {
        return partitioning;
    }

    @Override
    public io.spate.api.common.typeinfo.TypeInfo<T> getOutputType() {
        return input.getOutputType();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}

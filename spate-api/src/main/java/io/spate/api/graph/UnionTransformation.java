package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.List;

/** Not an operator: the next operator reads from all of these inputs as one stream. */
@Internal
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<T>> inputs;

    public UnionTransformation(int id, List<Transformation<T>> inputs, TypeInfo<T> type) {
        super(id, "Union", type);
        this.inputs = List.copyOf(inputs);
    }

    public List<Transformation<T>> getUnionInputs() {
        return inputs;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}

package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.List;

/**
 * Applies an operator to one input. On a keyed stream it also carries the key selector and key
 * type, so that the operator can scope its state to the current key.
 */
@Internal
public final class OneInputTransformation<I, O> extends Transformation<O> {
    private final Transformation<I> input;
    private final OperatorSpec spec;
    private final KeySelector<I, ?> keySelector;
    private final TypeInfo<?> keyType;

    public OneInputTransformation(
            int id,
            String name,
            Transformation<I> input,
            OperatorSpec spec,
            TypeInfo<O> outputType,
            KeySelector<I, ?> keySelector,
            TypeInfo<?> keyType) {
        super(id, name, outputType);
        this.input = input;
        this.spec = spec;
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public Transformation<I> getInput() {
        return input;
    }

    public OperatorSpec getSpec() {
        return spec;
    }

    /** The key selector when the input is keyed, otherwise {@code null}. */
    public KeySelector<I, ?> getKeySelector() {
        return keySelector;
    }

    public TypeInfo<?> getKeyType() {
        return keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}

package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.List;

/**
 * Applies an operator to two inputs ({@code connect}, joins, broadcast). On keyed inputs it carries
 * a key selector per input; both give keys of the same type, and elements of either input with
 * equal keys meet at the same subtask and share keyed state. A keyed first input with a second
 * input that has no key selector is a keyed stream connected with a broadcast stream: the operator
 * has keyed state, and no key is current while it handles the second input.
 */
@Internal
public final class TwoInputTransformation<IN1, IN2, O> extends Transformation<O> {
    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final TwoInputOperatorSpec spec;
    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;
    private final TypeInfo<?> keyType;

    public TwoInputTransformation(
            int id,
            String name,
            Transformation<IN1> input1,
            Transformation<IN2> input2,
            TwoInputOperatorSpec spec,
            TypeInfo<O> outputType,
            KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2,
            TypeInfo<?> keyType) {
        super(id, name, outputType);
        if (keySelector1 == null && keySelector2 != null) {
            throw new IllegalArgumentException(
                    "the second input cannot be keyed alone: key both inputs, or only the first");
        }
        this.input1 = input1;
        this.input2 = input2;
        this.spec = spec;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
        this.keyType = keyType;
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    public TwoInputOperatorSpec getSpec() {
        return spec;
    }

    /** The key selector of the first input, or {@code null} when not keyed. */
    public KeySelector<IN1, ?> getKeySelector1() {
        return keySelector1;
    }

    public KeySelector<IN2, ?> getKeySelector2() {
        return keySelector2;
    }

    public TypeInfo<?> getKeyType() {
        return keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}

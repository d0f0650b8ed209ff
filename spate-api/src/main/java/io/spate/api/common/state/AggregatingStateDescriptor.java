package io.spate.api.common.state;

import io.spate.annotations.Public;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}; {@link #getType()} is the accumulator type.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type, which is what is stored
 * @param <OUT> the result type
 */
@Public
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(
            String name,
            AggregateFunction<IN, ACC, OUT> aggregateFunction,
            Class<ACC> accumulatorType) {
        this(name, aggregateFunction, TypeInfo.of(accumulatorType));
    }

    public AggregatingStateDescriptor(
            String name,
            AggregateFunction<IN, ACC, OUT> aggregateFunction,
            TypeInfo<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }
}

package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.Trigger;
import java.io.Serializable;

/**
 * A window operator on a keyed stream, as data: how elements are put into windows, when windows
 * fire, how their contents are kept, and the function that evaluates them.
 *
 * @param assigner puts elements into windows
 * @param trigger fires and purges windows
 * @param evictor removes elements before/after evaluation; {@code null} for none. With an evictor
 *     the contents must be {@link Elements} of {@code TimestampedValue}s, and a {@code reduce} or
 *     {@code aggregate} is folded into the window function.
 * @param allowedLateness milliseconds after a window's end during which it still accepts elements
 * @param lateDataOutputTag where elements too late for all their windows go; {@code null} to drop
 *     (and count) them
 * @param contents how a window's contents are kept
 * @param windowFunction evaluates a window: gets the elements, or the single incremental result
 */
@Internal
public record WindowOperatorSpec(
        WindowAssigner<?, ?> assigner,
        Trigger<?, ?> trigger,
        Evictor<?, ?> evictor,
        long allowedLateness,
        OutputTag<?> lateDataOutputTag,
        Contents contents,
        ProcessWindowFunction<?, ?, ?, ?> windowFunction)
        implements OperatorSpec {

    @Override
    public Function function() {
        return windowFunction;
    }

    /** How a window's contents are kept. */
    public sealed interface Contents extends Serializable permits Reduce, Aggregate, Elements {}

    /** One value per window, folded with {@code function}; {@code type} is the element type. */
    public record Reduce(ReduceFunction<?> function, TypeInfo<?> type) implements Contents {}

    /** One accumulator per window. */
    public record Aggregate(AggregateFunction<?, ?, ?> function, TypeInfo<?> accumulatorType)
            implements Contents {}

    /** Every element, in arrival order. */
    public record Elements(TypeInfo<?> elementType) implements Contents {}
}

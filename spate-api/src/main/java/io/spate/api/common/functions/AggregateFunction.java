package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * Aggregates values incrementally through an accumulator: the accumulator is all that is kept,
 * never the values themselves. Used by window {@code aggregate} and {@code AggregatingState}.
 *
 * <p>{@code add} and {@code merge} may return the accumulator they were given, changed, or a new
 * one. {@code merge} is needed when windows merge (sessions) and for sliding windows, which fold
 * their panes (slices of one slide) together when they fire; merging accumulators must give what
 * adding all their values to one would.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
@Public
public interface AggregateFunction<IN, ACC, OUT> extends Function {

    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}

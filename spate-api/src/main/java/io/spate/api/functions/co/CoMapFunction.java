package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Function;

/**
 * Maps the elements of two connected streams to one output type: {@link #map1} for the first
 * stream's elements, {@link #map2} for the second's. Called by one thread, never at once, in the
 * order the elements arrive.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}

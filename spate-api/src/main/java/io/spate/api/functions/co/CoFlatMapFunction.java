package io.spate.api.functions.co;

import io.spate.annotations.Public;
import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Function;

/**
 * Maps the elements of two connected streams to any number of elements of one output type: {@link
 * #flatMap1} for the first stream's elements, {@link #flatMap2} for the second's. Called by the
 * subtask's thread, never at once, in the order the elements arrive; the order between the two
 * inputs is not defined.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}

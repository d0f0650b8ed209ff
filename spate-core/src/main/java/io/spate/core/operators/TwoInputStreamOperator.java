package io.spate.core.operators;

import io.spate.annotations.Internal;

/**
 * An operator with two inputs. {@link #processElement} receives the first input's elements, {@link
 * #processElement2} the second's; both are called by the subtask's thread, never at once, in the
 * order the elements arrive. {@link #processWatermark} receives the minimum of both inputs'
 * watermarks, and {@link #endInput} is called once both inputs have ended.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Internal
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<IN1, OUT> {

    void processElement2(IN2 value, long timestamp) throws Exception;
}

package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.functions.FilterFunction;
import io.spate.api.common.functions.FlatMapFunction;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import java.io.Serializable;

/**
 * What a one-input operator does, as data: the kind of operator and the user's function. The
 * planner picks the operator implementation for each kind.
 */
@Internal
public interface OperatorSpec extends Serializable {

    /**
     * The user function, which the runtime opens and closes if it is a rich function; may be null.
     */
    Function function();

    /** One element in, one out. */
    record Map(MapFunction<?, ?> function) implements OperatorSpec {}

    /** One element in, any number out. */
    record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {}

    /** Keeps the elements the function accepts. */
    record Filter(FilterFunction<?> function) implements OperatorSpec {}

    /** A process function on a non-keyed stream. */
    record Process(ProcessFunction<?, ?> function) implements OperatorSpec {}

    /** A process function on a keyed stream. */
    record KeyedProcess(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

    /** A rolling reduce on a keyed stream: emits the new aggregate of the key for every element. */
    record KeyedReduce(ReduceFunction<?> function) implements OperatorSpec {}

    /** Gives records event time and generates watermarks, replacing those from upstream. */
    record TimestampsAndWatermarks(WatermarkStrategy<?> strategy) implements OperatorSpec {
        @Override
        public Function function() {
            return null;
        }
    }
}

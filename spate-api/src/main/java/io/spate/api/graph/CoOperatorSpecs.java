package io.spate.api.graph;

import io.spate.annotations.Internal;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.functions.co.BroadcastProcessFunction;
import io.spate.api.functions.co.CoFlatMapFunction;
import io.spate.api.functions.co.CoMapFunction;
import io.spate.api.functions.co.CoProcessFunction;
import io.spate.api.functions.co.KeyedBroadcastProcessFunction;
import io.spate.api.functions.co.KeyedCoProcessFunction;
import io.spate.api.functions.co.ProcessJoinFunction;
import java.util.List;

/** The two-input operator kinds of {@code connect}, interval joins and broadcast state. */
@Internal
public final class CoOperatorSpecs {
    private CoOperatorSpecs() {}

    /** One element in from either input, one out. */
    public record CoMap(CoMapFunction<?, ?, ?> function) implements TwoInputOperatorSpec {}

    /** One element in from either input, any number out. */
    public record CoFlatMap(CoFlatMapFunction<?, ?, ?> function) implements TwoInputOperatorSpec {}

    /**
     * A co-process function; timers are refused, keyed state is there when both inputs are keyed.
     */
    public record CoProcess(CoProcessFunction<?, ?, ?> function) implements TwoInputOperatorSpec {}

    /** A co-process function on two keyed inputs, with timers and keyed state per key. */
    public record KeyedCoProcess(KeyedCoProcessFunction<?, ?, ?, ?> function)
            implements TwoInputOperatorSpec {}

    /**
     * An interval join of two keyed inputs: a left element at {@code t} meets the right elements
     * with timestamps in {@code [t + lowerBound, t + upperBound]}. The bounds are inclusive here
     * (exclusive bounds were moved by one millisecond), and {@code lowerBound <= upperBound}.
     */
    public record IntervalJoin(
            ProcessJoinFunction<?, ?, ?> function,
            long lowerBound,
            long upperBound,
            TypeInfo<?> leftType,
            TypeInfo<?> rightType)
            implements TwoInputOperatorSpec {
        public IntervalJoin {
            if (lowerBound > upperBound) {
                throw new IllegalArgumentException(
                        "lower bound " + lowerBound + " > upper bound " + upperBound);
            }
        }
    }

    /** A broadcast process function: a non-keyed first input, the broadcast second input. */
    public record BroadcastProcess(
            BroadcastProcessFunction<?, ?, ?> function,
            List<MapStateDescriptor<?, ?>> broadcastStates)
            implements TwoInputOperatorSpec {
        public BroadcastProcess {
            broadcastStates = List.copyOf(broadcastStates);
        }
    }

    /** A keyed broadcast process function: a keyed first input, the broadcast second input. */
    public record KeyedBroadcastProcess(
            KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
            List<MapStateDescriptor<?, ?>> broadcastStates)
            implements TwoInputOperatorSpec {
        public KeyedBroadcastProcess {
            broadcastStates = List.copyOf(broadcastStates);
        }
    }
}

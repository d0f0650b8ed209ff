package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.graph.CoOperatorSpecs;
import io.spate.api.graph.OperatorSpec;
import io.spate.api.graph.TwoInputOperatorSpec;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.core.operators.windowing.WindowOperator;

/** Chooses the operator implementation for each kind of operator in a job's plan. */
@Internal
public final class OperatorFactory {
    private OperatorFactory() {}

    /** A fresh operator for a one-input spec; {@code outputType} is the operator's output type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static StreamOperator<Object, Object> create(OperatorSpec spec, TypeInfo<?> outputType) {
        if (spec instanceof OperatorSpec.Map) {
            return new MapOperator(((OperatorSpec.Map) spec).function());
        }
        if (spec instanceof OperatorSpec.FlatMap) {
            return new FlatMapOperator(((OperatorSpec.FlatMap) spec).function());
        }
        if (spec instanceof OperatorSpec.Filter) {
            return new FilterOperator(((OperatorSpec.Filter) spec).function());
        }
        if (spec instanceof OperatorSpec.Process) {
            return new ProcessOperator(((OperatorSpec.Process) spec).function());
        }
        if (spec instanceof OperatorSpec.KeyedProcess) {
            return new KeyedProcessOperator(((OperatorSpec.KeyedProcess) spec).function());
        }
        if (spec instanceof OperatorSpec.TimestampsAndWatermarks) {
            return new TimestampsAndWatermarksOperator(
                    ((OperatorSpec.TimestampsAndWatermarks) spec).strategy());
        }
        if (spec instanceof OperatorSpec.KeyedReduce) {
            return new KeyedReduceOperator(
                    ((OperatorSpec.KeyedReduce) spec).function(), (TypeInfo) outputType);
        }
        if (spec instanceof WindowOperatorSpec) {
            return new WindowOperator((WindowOperatorSpec) spec);
        }
        throw new IllegalArgumentException("No operator for " + spec.getClass().getName());
    }

    /** A fresh operator for a two-input spec. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TwoInputStreamOperator<Object, Object, Object> create(
            TwoInputOperatorSpec spec, TypeInfo<?> outputType) {
        if (spec instanceof CoOperatorSpecs.CoMap) {
            return new CoMapOperator(((CoOperatorSpecs.CoMap) spec).function());
        }
        if (spec instanceof CoOperatorSpecs.CoFlatMap) {
            return new CoFlatMapOperator(((CoOperatorSpecs.CoFlatMap) spec).function());
        }
        if (spec instanceof CoOperatorSpecs.CoProcess) {
            return new CoProcessOperator(((CoOperatorSpecs.CoProcess) spec).function());
        }
        if (spec instanceof CoOperatorSpecs.KeyedCoProcess) {
            return new KeyedCoProcessOperator(((CoOperatorSpecs.KeyedCoProcess) spec).function());
        }
        if (spec instanceof CoOperatorSpecs.IntervalJoin) {
            CoOperatorSpecs.IntervalJoin join = (CoOperatorSpecs.IntervalJoin) spec;
            return new IntervalJoinOperator(
                    join.function(),
                    join.lowerBound(),
                    join.upperBound(),
                    join.leftType(),
                    join.rightType());
        }
        if (spec instanceof CoOperatorSpecs.BroadcastProcess) {
            CoOperatorSpecs.BroadcastProcess broadcast = (CoOperatorSpecs.BroadcastProcess) spec;
            return new BroadcastProcessOperator(broadcast.function(), broadcast.broadcastStates());
        }
        if (spec instanceof CoOperatorSpecs.KeyedBroadcastProcess) {
            CoOperatorSpecs.KeyedBroadcastProcess broadcast =
                    (CoOperatorSpecs.KeyedBroadcastProcess) spec;
            return new KeyedBroadcastProcessOperator(
                    broadcast.function(), broadcast.broadcastStates());
        }
        throw new IllegalArgumentException("No operator for " + spec.getClass().getName());
    }
}

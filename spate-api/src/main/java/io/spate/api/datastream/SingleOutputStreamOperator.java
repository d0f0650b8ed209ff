package io.spate.api.datastream;

import io.spate.annotations.Public;
import io.spate.api.common.typeinfo.TypeHint;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.graph.SideOutputTransformation;
import io.spate.api.graph.Transformation;

/**
 * The stream an operator produces, with the operator's settings: name, uid, parallelism, output
 * type, chaining.
 *
 * @param <T> the element type
 */
@Public
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    protected SingleOutputStreamOperator(
            StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    /** The name shown in the status, the counters and error messages. */
    public SingleOutputStreamOperator<T> name(String name) {
        getTransformation().setName(name);
        return this;
    }

    /**
     * A stable identifier for the operator's state, which lets a savepoint find this operator again
     * after the job's code changed. Unique within the job.
     */
    public SingleOutputStreamOperator<T> uid(String uid) {
        getTransformation().setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        getTransformation().setParallelism(parallelism);
        return this;
    }

    /** The number of key groups of this operator, if keyed; the most it can be rescaled to. */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        getTransformation().setMaxParallelism(maxParallelism);
        return this;
    }

    /**
     * The side output of this operator named by {@code tag}: the elements the operator's function
     * emitted with {@code ctx.output(tag, value)}.
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        return new DataStream<>(
                getExecutionEnvironment(),
                new SideOutputTransformation<>(
                        getExecutionEnvironment().nextId(), getTransformation(), tag));
    }

    /** Gives the output type where Java's erasure hides it from Spate. */
    public SingleOutputStreamOperator<T> returns(TypeInfo<T> type) {
        getTransformation().setOutputType(type);
        return this;
    }

    /** Gives the output type where Java's erasure hides it from Spate. */
    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(typeHint.getTypeInfo());
    }

    /** Gives the output type where Java's erasure hides it from Spate. */
    public SingleOutputStreamOperator<T> returns(Class<T> type) {
        return returns(TypeInfo.of(type));
    }

    /** Runs this operator in a tasklet of its own, fused with neither neighbour. */
    public SingleOutputStreamOperator<T> disableChaining() {
        getTransformation().disableChaining();
        return this;
    }

    /** Starts a new fused chain at this operator: it is not fused with its predecessor. */
    public SingleOutputStreamOperator<T> startNewChain() {
        getTransformation().startNewChain();
        return this;
    }
}

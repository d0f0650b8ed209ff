package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFunction;

/**
 * The base of the built-in operators: keeps the context and output, and opens and closes the user
 * function when it is a {@link RichFunction}.
 */
@Internal
public abstract class AbstractStreamOperator<IN, OUT> implements StreamOperator<IN, OUT> {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected OperatorContext context;
    protected Output<OUT> output;
    private boolean functionOpened;

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    /** The user function, or {@code null} for operators without one. */
    protected abstract Function userFunction();

    @Override
    public void open() throws Exception {
        Function f = userFunction();
        if (f instanceof RichFunction) {
            RichFunction rich = (RichFunction) f;
            rich.setRuntimeContext(new StreamingRuntimeContext(context));
            rich.open(OPEN_CONTEXT);
            functionOpened = true;
        }
    }

    @Override
    public void close() throws Exception {
        if (functionOpened) {
            functionOpened = false;
            ((RichFunction) userFunction()).close();
        }
    }

    @Override
    public Output<OUT> output() {
        return output;
    }
}

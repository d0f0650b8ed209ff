package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.AbstractRichFunction;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.functions.RichFunction;
import io.spate.api.common.functions.RuntimeContext;
import java.util.Objects;

/** A rich function around a user function: passes the life cycle on when that one is rich. */
@Internal
public abstract class WrappingFunction<F extends Function> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    protected final F wrapped;

    protected WrappingFunction(F wrapped) {
        this.wrapped = Objects.requireNonNull(wrapped, "function");
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        if (wrapped instanceof RichFunction) {
            ((RichFunction) wrapped).setRuntimeContext(context);
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (wrapped instanceof RichFunction) {
            ((RichFunction) wrapped).open(openContext);
        }
    }

    @Override
    public void close() throws Exception {
        if (wrapped instanceof RichFunction) {
            ((RichFunction) wrapped).close();
        }
    }
}

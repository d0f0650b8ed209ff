package io.spate.api.common.functions;

import io.spate.annotations.Public;

/**
 * A function with a life cycle and access to its runtime context. The worker that owns the subtask
 * calls {@link #open} once before the first element and {@link #close} once after the last one
 * (also when the job fails or is cancelled, if {@code open} returned normally).
 */
@Public
public interface RichFunction extends Function {

    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    /** The context of the subtask this instance runs in; available from {@code open} on. */
    RuntimeContext getRuntimeContext();

    /** Set by the runtime before {@link #open}. */
    void setRuntimeContext(RuntimeContext context);
}

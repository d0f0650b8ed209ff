package io.spate.api.common.state;

import io.spate.annotations.Public;

/** State that values are added to, and that reads back as one result. */
@Public
public interface AppendingState<IN, OUT> extends State {
    /** The result for the current key, or {@code null} when nothing was added. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}

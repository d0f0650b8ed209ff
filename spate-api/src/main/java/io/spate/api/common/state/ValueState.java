package io.spate.api.common.state;

import io.spate.annotations.Public;
import java.io.IOException;

/** One value per key. */
@Public
public interface ValueState<T> extends State {
    /** The value for the current key, or the descriptor's default when there is none. */
    T value() throws IOException;

    /** Sets the value for the current key; {@code null} clears it. */
    void update(T value) throws IOException;
}

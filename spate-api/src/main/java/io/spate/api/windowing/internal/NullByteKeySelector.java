package io.spate.api.windowing.internal;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.KeySelector;

/** The key of every element of a {@code windowAll} stream: one key, so one subtask, sees all. */
@Internal
public final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;

    private static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
        return KEY;
    }
}

package io.spate.api.windowing.windows;

import io.spate.annotations.Public;

/**
 * The one window that holds every element of a key. It never ends on its own ({@link
 * #maxTimestamp()} is {@code Long.MAX_VALUE}): a trigger decides when it fires and purges, as count
 * windows do.
 */
@Public
public final class GlobalWindow extends Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}

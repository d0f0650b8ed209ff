package io.spate.api.windowing.windows;

import io.spate.annotations.Public;

/**
 * The one window that holds every element of a key. It never ends on its own ({@link
 * #maxTimestamp()} is {@code Long.MAX_VALUE}): a trigger decides when it fires and purges, as count
 * windows do. All instances are equal; {@link #get()} returns a shared one.
 */
@Public
public record GlobalWindow() implements Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}

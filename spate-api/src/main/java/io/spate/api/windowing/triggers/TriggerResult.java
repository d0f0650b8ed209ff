package io.spate.api.windowing.triggers;

import io.spate.annotations.Public;

/**
 * What a {@link Trigger} tells the window operator to do with a window: evaluate it (FIRE: call the
 * window function on its contents), drop its contents (PURGE), both, or nothing.
 */
@Public
public enum TriggerResult {
    /** Nothing happens. */
    CONTINUE(false, false),
    /** The window function runs on the contents, which then are dropped. */
    FIRE_AND_PURGE(true, true),
    /** The window function runs on the contents, which stay for later firings. */
    FIRE(true, false),
    /** The contents are dropped without evaluation; the window itself lives on until cleanup. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}

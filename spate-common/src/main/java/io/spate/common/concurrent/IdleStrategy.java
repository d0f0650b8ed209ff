package io.spate.common.concurrent;

import io.spate.annotations.NotThreadSafe;

/**
 * What a worker thread does when a pass over its work made no progress. The default backs off in
 * steps: a few spins, then yields, then parks for growing intervals up to a maximum, so that an
 * idle engine costs almost no CPU and a busy one never parks.
 *
 * <p>One instance per thread.
 */
@NotThreadSafe
public interface IdleStrategy {

    /**
     * Called after a pass: resets the back-off when {@code madeProgress}, otherwise idles for the
     * next step.
     */
    void idle(boolean madeProgress);
}

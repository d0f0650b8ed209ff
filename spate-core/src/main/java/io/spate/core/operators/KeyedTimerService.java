package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.functions.TimerService;
import io.spate.core.state.VoidNamespace;
import io.spate.core.timers.InternalTimerService;

/** The {@link TimerService} of a keyed function: timers for the current key. */
@Internal
public final class KeyedTimerService implements TimerService {
    private final InternalTimerService<?, VoidNamespace> timers;

    public KeyedTimerService(InternalTimerService<?, VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}

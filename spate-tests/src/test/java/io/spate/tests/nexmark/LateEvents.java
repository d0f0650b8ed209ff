package io.spate.tests.nexmark;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.functions.ProcessFunction;
import io.spate.nexmark.model.Event;

/**
 * Passes events on, counting in {@code lateEvents} those at or below the watermark of the source
 * subtask it is chained to, and in {@code eventsWithoutTimestamp} those without a timestamp.
 */
final class LateEvents extends ProcessFunction<Event, Event> {
    private transient Counter late;
    private transient Counter untimed;

    @Override
    public void open(OpenContext ctx) {
        late = getRuntimeContext().getCounter("lateEvents");
        untimed = getRuntimeContext().getCounter("eventsWithoutTimestamp");
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<Event> out) {
        Long ts = ctx.timestamp();
        if (ts == null || ts != event.dateTime()) {
            untimed.inc();
        } else if (ts <= ctx.timerService().currentWatermark()) {
            late.inc();
        }
        out.collect(event);
    }
}

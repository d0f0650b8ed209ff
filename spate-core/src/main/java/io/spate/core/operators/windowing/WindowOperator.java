package io.spate.core.operators.windowing;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.AggregateFunction;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.Function;
import io.spate.api.common.functions.ReduceFunction;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.OutputTag;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.Window;
import io.spate.core.operators.AbstractStreamOperator;
import io.spate.core.operators.TimestampedCollector;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.InternalTimer;
import io.spate.core.timers.InternalTimerService;
import io.spate.core.timers.Triggerable;
import java.util.Collection;
import java.util.List;

/**
 * Evaluates windows of a keyed stream: assigns each element to windows, keeps their contents in
 * keyed state with the window as namespace, asks the trigger when to fire and purge, and removes
 * everything a window left once it can receive no more elements.
 *
 * <pre>
 *  element ──► assigner ──► (merge windows) ──► late? ──yes──► late side output | dropped + counted
 *                                                 │ no
 *                                                 ▼
 *                        contents.add ──► trigger.onElement ──► FIRE: function(contents) ─► output
 *                                                 │             PURGE: contents.clear
 *                                                 ▼
 *                                 cleanup timer at maxTimestamp + allowed lateness
 *  timer ──► trigger.onEventTime / onProcessingTime ──► FIRE / PURGE as above
 *        └─► at the cleanup time: clear contents, trigger state, window state, merging-set entry
 * </pre>
 *
 * <p>Contents are kept as {@link WindowContents} says: one accumulator per key and window for
 * {@code reduce} and {@code aggregate}; all elements for {@code process} and with an evictor.
 * Merging assigners (sessions) keep a {@link MergingWindowSet} per key and merge contents and
 * trigger state through the state backend's {@code mergeNamespaces}.
 *
 * <p>Results carry the window's {@code maxTimestamp()}. An element is late when every window it
 * belongs to has reached its cleanup time (event time only); late elements go to the late side
 * output when there is one and are otherwise dropped and counted in {@code
 * <operator>.numLateRecordsDropped}.
 *
 * <p>For tests and monitoring the operator reports its keyed state size, sampled whenever a
 * watermark arrives (before it fires windows: for event-time windows the moment their state is
 * largest) and after it: {@code <operator>.windowStateEntries}, the state entries (key, window)
 * after the latest watermark, and {@code <operator>.windowStateEntriesPeak}, the largest count
 * sampled. Both are summed over subtasks in the job result.
 *
 * <p>Everything runs on the subtask's thread: elements, watermarks and timers never overlap.
 */
@Internal
public final class WindowOperator<K, IN, OUT, W extends Window>
        extends AbstractStreamOperator<IN, OUT> implements Triggerable<K, W> {
    static final String CONTENTS_STATE = "_window-contents";
    static final String MERGING_SET_STATE = "_window-merging-set";

    private final WindowOperatorSpec spec;
    private final WindowAssigner<IN, W> assigner;
    private final Trigger<IN, W> trigger;
    private final ProcessWindowFunction<Object, OUT, K, W> function;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;
    private final boolean eventTime;

    private KeyedStateBackend<K> backend;
    private InternalTimerService<K, W> timers;
    private WindowContents<IN, W> contents;
    private MergingWindowSet<W> mergingWindows;
    private WindowTriggerContext<K, W> triggerContext;
    private WindowProcessContext<K, OUT, W> processContext;
    private TimestampedCollector<OUT> collector;
    private Counter lateRecordsDropped;
    private Counter stateEntries;
    private Counter stateEntriesPeak;
    private long lastStateEntries;
    private long peakStateEntries;

    private final WindowAssigner.WindowAssignerContext assignerContext =
            () -> context.processingTimeService().currentProcessingTime();
    private final MergingWindowSet.MergeFunction<W> onMerge = this::mergeWindows;

    @SuppressWarnings("unchecked")
    public WindowOperator(WindowOperatorSpec spec) {
        this.spec = spec;
        this.assigner = (WindowAssigner<IN, W>) spec.assigner();
        this.trigger = (Trigger<IN, W>) spec.trigger();
        this.function = (ProcessWindowFunction<Object, OUT, K, W>) spec.windowFunction();
        this.allowedLateness = spec.allowedLateness();
        this.lateDataTag = (OutputTag<IN>) spec.lateDataOutputTag();
        this.eventTime = assigner.isEventTime();
    }

    @Override
    protected Function userFunction() {
        return function;
    }

    @Override
    public void open() throws Exception {
        backend = keyedStateBackend();
        timers = createTimerService(this);
        contents = createContents();
        if (assigner instanceof MergingWindowAssigner) {
            mergingWindows = createMergingWindowSet((MergingWindowAssigner<IN, W>) assigner);
        }
        triggerContext = new WindowTriggerContext<>(timers, backend);
        collector = new TimestampedCollector<>(output);
        processContext =
                new WindowProcessContext<>(
                        function, timers, backend, output, mergingWindows != null);
        String name = context.metricsName();
        lateRecordsDropped = context.counter(name + ".numLateRecordsDropped");
        stateEntries = context.counter(name + ".windowStateEntries");
        stateEntriesPeak = context.counter(name + ".windowStateEntriesPeak");
        super.open();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private WindowContents<IN, W> createContents() {
        WindowOperatorSpec.Contents kind = spec.contents();
        if (spec.evictor() != null) {
            WindowOperatorSpec.Elements elements = (WindowOperatorSpec.Elements) kind;
            ListStateDescriptor<TimestampedValue<IN>> d =
                    new ListStateDescriptor<>(
                            CONTENTS_STATE,
                            (TypeInfo<TimestampedValue<IN>>) elements.elementType());
            return new EvictingWindowContents<>(
                    backend.getListState(d), (Evictor<IN, W>) spec.evictor(), new EvictorContext());
        }
        if (kind instanceof WindowOperatorSpec.Reduce) {
            WindowOperatorSpec.Reduce r = (WindowOperatorSpec.Reduce) kind;
            return new IncrementalWindowContents<>(
                    backend.getReducingState(
                            new ReducingStateDescriptor<>(
                                    CONTENTS_STATE,
                                    (ReduceFunction<IN>) r.function(),
                                    (TypeInfo<IN>) r.type())));
        }
        if (kind instanceof WindowOperatorSpec.Aggregate) {
            WindowOperatorSpec.Aggregate a = (WindowOperatorSpec.Aggregate) kind;
            return new IncrementalWindowContents<>(
                    backend.getAggregatingState(
                            new AggregatingStateDescriptor<>(
                                    CONTENTS_STATE,
                                    (AggregateFunction<IN, Object, Object>) a.function(),
                                    (TypeInfo<Object>) a.accumulatorType())));
        }
        WindowOperatorSpec.Elements e = (WindowOperatorSpec.Elements) kind;
        return new BufferedWindowContents<>(
                backend.getListState(
                        new ListStateDescriptor<>(CONTENTS_STATE, (TypeInfo<IN>) e.elementType())));
    }

    private MergingWindowSet<W> createMergingWindowSet(MergingWindowAssigner<IN, W> merging) {
        TypeInfo<W> windowType = merging.getWindowType();
        return new MergingWindowSet<>(
                merging,
                backend.getMapState(
                        new MapStateDescriptor<>(MERGING_SET_STATE, windowType, windowType)));
    }

    // ------------------------------------------------------------------ elements

    @Override
    public void processElement(IN value, long timestamp) throws Exception {
        Collection<W> windows = assigner.assignWindows(value, timestamp, assignerContext);
        boolean accepted = false;
        for (W assigned : windows) {
            W window = assigned;
            W stateWindow = assigned;
            if (mergingWindows != null) {
                window = mergingWindows.addWindow(assigned, onMerge);
                if (isWindowLate(window)) {
                    mergingWindows.retireWindow(window);
                    continue;
                }
                stateWindow = mergingWindows.getStateWindow(window);
            } else if (isWindowLate(window)) {
                continue;
            }
            accepted = true;
            contents.setStateWindow(stateWindow);
            contents.add(value, timestamp);
            triggerContext.window = window;
            act(trigger.onElement(value, timestamp, window, triggerContext), window);
            registerCleanupTimer(window);
        }
        if (!accepted && isElementLate(timestamp)) {
            if (lateDataTag != null) {
                output.collect(lateDataTag, value, timestamp);
            } else {
                lateRecordsDropped.inc();
            }
        }
    }

    /** Fires and/or purges the window whose contents {@link #contents} is scoped to. */
    private void act(TriggerResult result, W window) throws Exception {
        if (result.isFire()) {
            evaluate(window);
        }
        if (result.isPurge()) {
            contents.clear();
        }
    }

    private void evaluate(W window) throws Exception {
        Iterable<Object> input = contents.beginEvaluation(window);
        if (input == null) {
            return;
        }
        collector.setTimestamp(window.maxTimestamp());
        processContext.window = window;
        function.process(backend.getCurrentKey(), processContext, input, collector);
        contents.endEvaluation(window);
    }

    /** Called by the merging window set when windows of the current key merge. */
    private void mergeWindows(
            W mergeResult, Collection<W> mergedWindows, W stateWindow, Collection<W> stateWindows)
            throws Exception {
        if (eventTime && cleanupTime(mergeResult) <= currentWatermark()) {
            throw new IllegalStateException(
                    "Merging made the event-time window "
                            + mergeResult
                            + " end before the watermark "
                            + currentWatermark()
                            + "; a merging assigner must not shrink windows");
        }
        triggerContext.window = mergeResult;
        triggerContext.mergedWindows = mergedWindows;
        try {
            trigger.onMerge(mergeResult, triggerContext);
        } finally {
            triggerContext.mergedWindows = List.of();
        }
        for (W merged : mergedWindows) {
            if (merged.equals(mergeResult)) {
                continue;
            }
            triggerContext.window = merged;
            trigger.clear(merged, triggerContext);
            triggerContext.clearState(merged);
            deleteCleanupTimer(merged);
        }
        contents.merge(stateWindow, stateWindows);
    }

    // ------------------------------------------------------------------ timers

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        W window = timer.namespace();
        if (!scopeContents(window)) {
            return;
        }
        triggerContext.window = window;
        act(trigger.onEventTime(timer.timestamp(), window, triggerContext), window);
        if (eventTime && timer.timestamp() == cleanupTime(window)) {
            clearAllState(window);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        W window = timer.namespace();
        if (!scopeContents(window)) {
            return;
        }
        triggerContext.window = window;
        act(trigger.onProcessingTime(timer.timestamp(), window, triggerContext), window);
        if (!eventTime && timer.timestamp() == cleanupTime(window)) {
            clearAllState(window);
        }
    }

    /**
     * Scopes the contents to {@code window}'s state window; false when the window no longer exists
     * (merged away, or ended), so that a stale timer of a trigger that did not delete it does
     * nothing.
     */
    private boolean scopeContents(W window) throws Exception {
        W stateWindow = window;
        if (mergingWindows != null) {
            stateWindow = mergingWindows.getStateWindow(window);
            if (stateWindow == null) {
                return false;
            }
        }
        contents.setStateWindow(stateWindow);
        return true;
    }

    /** Removes everything of {@code window} (contents already scoped to it) for the current key. */
    private void clearAllState(W window) throws Exception {
        contents.clear();
        triggerContext.window = window;
        trigger.clear(window, triggerContext);
        triggerContext.clearState(window);
        processContext.window = window;
        function.clear(processContext);
        processContext.clearWindowState(window);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    // ------------------------------------------------------------------ time and lateness

    /** When the window's state goes: its end plus the allowed lateness (event time only). */
    private long cleanupTime(W window) {
        if (!eventTime) {
            return window.maxTimestamp();
        }
        long t = window.maxTimestamp() + allowedLateness;
        return t >= window.maxTimestamp() ? t : Long.MAX_VALUE;
    }

    private boolean isWindowLate(W window) {
        return eventTime && cleanupTime(window) <= currentWatermark();
    }

    private boolean isElementLate(long timestamp) {
        if (!eventTime) {
            return false;
        }
        long t = timestamp + allowedLateness;
        return (t >= timestamp ? t : Long.MAX_VALUE) <= currentWatermark();
    }

    private void registerCleanupTimer(W window) {
        if (window.maxTimestamp() == Long.MAX_VALUE) {
            return; // a global window never ends; its trigger must purge it
        }
        if (eventTime) {
            timers.registerEventTimeTimer(window, cleanupTime(window));
        } else {
            timers.registerProcessingTimeTimer(window, cleanupTime(window));
        }
    }

    private void deleteCleanupTimer(W window) {
        if (window.maxTimestamp() == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(window, cleanupTime(window));
        } else {
            timers.deleteProcessingTimeTimer(window, cleanupTime(window));
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (watermark <= currentWatermark()) {
            return;
        }
        sampleStateSize();
        super.processWatermark(watermark);
        sampleStateSize();
    }

    private void sampleStateSize() {
        long entries = backend.numberOfEntries();
        stateEntries.inc(entries - lastStateEntries);
        lastStateEntries = entries;
        if (entries > peakStateEntries) {
            stateEntriesPeak.inc(entries - peakStateEntries);
            peakStateEntries = entries;
        }
    }

    /** The evictor's view of time. */
    private final class EvictorContext implements Evictor.EvictorContext {
        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return currentWatermark();
        }
    }
}

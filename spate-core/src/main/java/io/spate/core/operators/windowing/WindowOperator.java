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
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.graph.WindowOperatorSpec;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import io.spate.core.operators.AbstractStreamOperator;
import io.spate.core.operators.StreamElements;
import io.spate.core.operators.TimestampedCollector;
import io.spate.core.state.InternalFoldingState;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.timers.InternalTimer;
import io.spate.core.timers.InternalTimerService;
import io.spate.core.timers.Triggerable;
import java.util.Collection;
import java.util.Collections;
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
 * Aligned time windows with {@code reduce} or {@code aggregate} and the assigner's default trigger
 * take a shorter way instead, with one accumulator per key and <em>pane</em> of one slide ({@link
 * WindowPanes}, ADR 0007): same results, timers and late elements, and for sliding windows one
 * state update per element instead of one per window. Merging assigners (sessions) keep a {@link
 * MergingWindowSet} per key and merge contents and trigger state through the state backend's {@code
 * mergeNamespaces}.
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

    /** Non-null when the contents are kept as panes (ADR 0007); {@link #contents} is then null. */
    private WindowPanes<IN> panes;

    /** With panes: every element registers its windows' timers while the watermark is below. */
    private long restoredTimersUntil = Long.MIN_VALUE;

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
        WindowPanes.Geometry geometry =
                context.jobConfiguration().get(ExecutionOptions.WINDOW_PANES)
                        ? WindowPanes.geometryOf(spec)
                        : null;
        if (geometry != null) {
            panes = createPanes(geometry);
            restoredTimersUntil = eventTime ? timers.latestRestoredEventTime() : Long.MIN_VALUE;
        } else {
            contents = createContents();
            refuseRestoredPanes();
        }
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

    /**
     * Panes of reduce or aggregate contents. Tumbling windows are their own panes and keep the
     * general path's state; sliding windows keep panes under a state of their own, and read the
     * general path's state only for windows a snapshot taken without panes restored.
     */
    private WindowPanes<IN> createPanes(WindowPanes.Geometry geometry) {
        if (geometry.panesAreWindows()) {
            return new WindowPanes<>(geometry, foldingState(CONTENTS_STATE), null);
        }
        return new WindowPanes<>(
                geometry,
                foldingState(WindowPanes.PANES_STATE),
                isRestored() ? foldingState(CONTENTS_STATE) : null);
    }

    /**
     * Fails when the operator, now on the general path, was restored with sliding-window panes:
     * they cannot be turned back into windows, and ignoring them would lose their elements.
     */
    private void refuseRestoredPanes() {
        boolean incremental =
                spec.contents() instanceof WindowOperatorSpec.Reduce
                        || spec.contents() instanceof WindowOperatorSpec.Aggregate;
        if (isRestored() && incremental && !foldingState(WindowPanes.PANES_STATE).isEmpty()) {
            throw new IllegalStateException(
                    "The window operator '"
                            + context.operatorName()
                            + "' was restored from a snapshot that keeps its windows as panes"
                            + " (ADR 0007), but its windows no longer qualify for panes ("
                            + assigner
                            + ", "
                            + trigger
                            + ", evictor "
                            + spec.evictor()
                            + ", "
                            + ExecutionOptions.WINDOW_PANES.key()
                            + "="
                            + context.jobConfiguration().get(ExecutionOptions.WINDOW_PANES)
                            + "). Restore it with the window definition and options it was"
                            + " taken with.");
        }
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
        if (kind instanceof WindowOperatorSpec.Reduce
                || kind instanceof WindowOperatorSpec.Aggregate) {
            return new IncrementalWindowContents<>(foldingState(CONTENTS_STATE));
        }
        WindowOperatorSpec.Elements e = (WindowOperatorSpec.Elements) kind;
        return new BufferedWindowContents<>(
                backend.getListState(
                        new ListStateDescriptor<>(CONTENTS_STATE, (TypeInfo<IN>) e.elementType())));
    }

    /** The reducing or aggregating state of {@code reduce} or {@code aggregate} contents. */
    @SuppressWarnings("unchecked")
    private InternalFoldingState<IN, Object> foldingState(String name) {
        WindowOperatorSpec.Contents kind = spec.contents();
        if (kind instanceof WindowOperatorSpec.Reduce) {
            WindowOperatorSpec.Reduce r = (WindowOperatorSpec.Reduce) kind;
            InternalFoldingState<IN, ?> state =
                    backend.getReducingState(
                            new ReducingStateDescriptor<>(
                                    name,
                                    (ReduceFunction<IN>) r.function(),
                                    (TypeInfo<IN>) r.type()));
            return (InternalFoldingState<IN, Object>) state;
        }
        WindowOperatorSpec.Aggregate a = (WindowOperatorSpec.Aggregate) kind;
        return backend.getAggregatingState(
                new AggregatingStateDescriptor<>(
                        name,
                        (AggregateFunction<IN, Object, Object>) a.function(),
                        (TypeInfo<Object>) a.accumulatorType()));
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
        // An event-time element without a timestamp goes the general way: the assigner refuses it.
        if (panes != null && (timestamp != StreamElements.NO_TIMESTAMP || !eventTime)) {
            processElementInPanes(value, timestamp);
            return;
        }
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
            onLateElement(value, timestamp);
        }
    }

    private void onLateElement(IN value, long timestamp) {
        if (lateDataTag != null) {
            output.collect(lateDataTag, value, timestamp);
        } else {
            lateRecordsDropped.inc();
        }
    }

    /**
     * {@link #processElement} with panes: the same firings, timers and late elements as the general
     * path with the assigner's default trigger, where the element's windows are those containing
     * its pane, from the latest start down, as the assigner lists them.
     *
     * <p>A pane that already held a value needs no timers: its first value registered the timers of
     * all its windows that were still open then, and those still open now are among them, since the
     * watermark only rises. Windows fire at once only when the pane ends at or before the watermark
     * (a late element within the allowed lateness). The watermark does rise again from the start
     * after a restore, so until it passes the latest restored timer, every element registers the
     * timers of its windows as the general path does.
     */
    @SuppressWarnings("unchecked")
    private void processElementInPanes(IN value, long timestamp) throws Exception {
        long time = eventTime ? timestamp : timers.currentProcessingTime();
        // Processing-time windows ignore the watermark: nothing is late, nothing fires early.
        long watermark = eventTime ? currentWatermark() : Long.MIN_VALUE;
        long paneStart = panes.paneStart(time);
        // The pane's last window starts with it; the element is late when that window is.
        if (cleanupTime(paneStart + panes.size - 1) <= watermark) {
            onLateElement(value, timestamp);
            return;
        }
        boolean created = panes.add(paneStart, value);
        int register = windowsToRegister(created, paneStart, watermark);
        if (register == 0
                && !panes.hasRestoredWindows()
                && paneStart + panes.slide - 1 > watermark) {
            return;
        }
        for (int i = 0; i < panes.perWindow; i++) {
            long start = paneStart - i * panes.slide;
            long maxTimestamp = start + panes.size - 1;
            if (cleanupTime(maxTimestamp) <= watermark) {
                break; // this window and the earlier ones are gone
            }
            TimeWindow timeWindow = new TimeWindow(start, start + panes.size);
            W window = (W) timeWindow;
            panes.addToRestoredWindow(timeWindow, value);
            if (maxTimestamp <= watermark) {
                evaluateInPanes(window); // what the default trigger does for a late element
            } else if (i < register) {
                registerTriggerTimer(window);
            }
            if (i < register) {
                registerCleanupTimer(window);
            }
        }
    }

    /**
     * How many of the pane's windows, from the latest start down, need their timers registered for
     * an element: none when the pane held a value already, all of them while restored timers are
     * due, and otherwise all but those it shares with the pane before it, if that pane holds a
     * value (its first value registered them).
     */
    private int windowsToRegister(boolean created, long paneStart, long watermark) {
        if (watermark < restoredTimersUntil) {
            return panes.perWindow;
        }
        if (!created) {
            return 0;
        }
        if (panes.perWindow > 1 && panes.holds(paneStart - panes.slide)) {
            return 1;
        }
        return panes.perWindow;
    }

    /** What the assigner's default trigger registers for an element of a window still open. */
    private void registerTriggerTimer(W window) {
        if (eventTime) {
            timers.registerEventTimeTimer(window, window.maxTimestamp());
        } else {
            timers.registerProcessingTimeTimer(window, window.maxTimestamp());
        }
    }

    /** Hands the window function what {@code window}'s panes hold together. */
    private void evaluateInPanes(W window) throws Exception {
        Object result = panes.contentsOf((TimeWindow) window);
        if (result == null) {
            return;
        }
        collector.setTimestamp(window.maxTimestamp());
        processContext.window = window;
        function.process(
                backend.getCurrentKey(),
                processContext,
                Collections.singletonList(result),
                collector);
    }

    /**
     * A timer with panes, in the window's own time domain. The default triggers register only a
     * timer at the window's end, which fires it; the cleanup timer drops the pane the window starts
     * with (the last window that pane belonged to) and the function's per-window state. The
     * trigger's {@code clear} would only delete the timer at the window's end, which has fired.
     */
    private void onTimerInPanes(InternalTimer<K, W> timer) throws Exception {
        W window = timer.namespace();
        if (timer.timestamp() == window.maxTimestamp()) {
            evaluateInPanes(window);
        }
        if (timer.timestamp() == cleanupTime(window)) {
            panes.cleanUp((TimeWindow) window);
            clearFunctionState(window);
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
        if (panes != null) {
            if (eventTime) {
                onTimerInPanes(timer);
            }
            return;
        }
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
        if (panes != null) {
            if (!eventTime) {
                onTimerInPanes(timer);
            }
            return;
        }
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
        clearFunctionState(window);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    /** The window function's {@code clear}, then the per-window state it used. */
    private void clearFunctionState(W window) throws Exception {
        processContext.window = window;
        function.clear(processContext);
        processContext.clearWindowState(window);
    }

    // ------------------------------------------------------------------ time and lateness

    /** When the window's state goes: its end plus the allowed lateness (event time only). */
    private long cleanupTime(W window) {
        return cleanupTime(window.maxTimestamp());
    }

    /** {@link #cleanupTime(Window)} of a window that ends at {@code maxTimestamp}. */
    private long cleanupTime(long maxTimestamp) {
        if (!eventTime) {
            return maxTimestamp;
        }
        long t = maxTimestamp + allowedLateness;
        return t >= maxTimestamp ? t : Long.MAX_VALUE;
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

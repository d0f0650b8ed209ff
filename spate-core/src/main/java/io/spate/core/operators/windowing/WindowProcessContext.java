package io.spate.core.operators.windowing;

import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.AggregatingState;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.KeyedStateStore;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.datastream.OutputTag;
import io.spate.api.windowing.functions.ProcessWindowFunction;
import io.spate.api.windowing.windows.Window;
import io.spate.core.operators.Output;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.VoidNamespace;
import io.spate.core.timers.InternalTimerService;

/**
 * The context a window function gets: the window being evaluated ({@link #window}, set by the
 * operator before each call), time, state per window and per key, and side outputs.
 */
@NotThreadSafe
final class WindowProcessContext<K, OUT, W extends Window>
        extends ProcessWindowFunction<Object, OUT, K, W>.Context {
    private final InternalTimerService<K, W> timers;
    private final Output<OUT> output;
    private final WindowScopedStates perWindow;
    private final KeyedStateStore windowState;
    private final KeyedStateStore globalState;

    W window;

    WindowProcessContext(
            ProcessWindowFunction<Object, OUT, K, W> function,
            InternalTimerService<K, W> timers,
            KeyedStateBackend<K> backend,
            Output<OUT> output,
            boolean mergingWindows) {
        function.super();
        this.timers = timers;
        this.output = output;
        this.perWindow = new WindowScopedStates(backend);
        this.windowState = mergingWindows ? new NoWindowState() : new Store(perWindow, true);
        this.globalState = new Store(new WindowScopedStates(backend), false);
    }

    /** Removes the window function's state of {@code w} for the current key. */
    void clearWindowState(W w) {
        perWindow.clear(w);
    }

    @Override
    public W window() {
        return window;
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
    public KeyedStateStore windowState() {
        return windowState;
    }

    @Override
    public KeyedStateStore globalState() {
        return globalState;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
        if (value == null) {
            throw new NullPointerException("A side output cannot carry null");
        }
        output.collect(outputTag, value, window.maxTimestamp());
    }

    /** Keyed state in the current window's namespace, or in the key's own. */
    private final class Store implements KeyedStateStore {
        private final WindowScopedStates states;
        private final boolean scopedToWindow;

        Store(WindowScopedStates states, boolean scopedToWindow) {
            this.states = states;
            this.scopedToWindow = scopedToWindow;
        }

        private Object namespace() {
            return scopedToWindow ? window : VoidNamespace.INSTANCE;
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            return states.value(descriptor, namespace());
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            return states.list(descriptor, namespace());
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            return states.reducing(descriptor, namespace());
        }

        @Override
        public <IN, ACC, R> AggregatingState<IN, R> getAggregatingState(
                AggregatingStateDescriptor<IN, ACC, R> descriptor) {
            return states.aggregating(descriptor, namespace());
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
            return states.map(descriptor, namespace());
        }
    }

    /** Per-window state of merging windows: there is none, since windows change as they merge. */
    private static final class NoWindowState implements KeyedStateStore {
        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException(
                    "Per-window state is not available with merging windows (sessions): a"
                            + " window's identity changes when it merges. Use globalState().");
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            throw unsupported();
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            throw unsupported();
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            throw unsupported();
        }

        @Override
        public <IN, ACC, R> AggregatingState<IN, R> getAggregatingState(
                AggregatingStateDescriptor<IN, ACC, R> descriptor) {
            throw unsupported();
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
            throw unsupported();
        }
    }
}

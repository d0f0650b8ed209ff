package io.spate.core.operators;

import io.spate.annotations.Internal;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.RuntimeContext;
import io.spate.api.common.functions.TaskInfo;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.StateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.common.JobId;
import io.spate.core.state.KeyedStateBackend;

/** The {@link RuntimeContext} that user functions see, backed by the operator's context. */
@Internal
public final class StreamingRuntimeContext implements RuntimeContext, TaskInfo {
    private final OperatorContext context;

    public StreamingRuntimeContext(OperatorContext context) {
        this.context = context;
    }

    @Override
    public JobId getJobId() {
        return context.jobId();
    }

    @Override
    public String getOperatorName() {
        return context.operatorName();
    }

    @Override
    public TaskInfo getTaskInfo() {
        return this;
    }

    @Override
    public String getTaskName() {
        return context.operatorName();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return context.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return context.parallelism();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return context.maxParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return context.attemptNumber();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return context.userClassLoader();
    }

    @Override
    public Counter getCounter(String name) {
        return context.counter(name);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return backend(descriptor).getValueState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return backend(descriptor).getListState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return backend(descriptor).getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return backend(descriptor).getReducingState(descriptor);
    }

    private KeyedStateBackend<Object> backend(StateDescriptor<?> descriptor) {
        KeyedStateBackend<Object> backend = context.keyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException(
                    "Keyed state '"
                            + descriptor.getName()
                            + "' is only available on a keyed stream; operator '"
                            + context.operatorName()
                            + "' is not applied after keyBy(...)");
        }
        return backend;
    }
}

package io.spate.api.common.functions;

import io.spate.annotations.Public;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapState;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingState;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.common.JobId;

/**
 * What a running function can know about where it runs, and the state it can reach. Used only by
 * the thread that runs the subtask.
 *
 * <p>Keyed state is available only to functions applied to a {@code KeyedStream}; the returned
 * handle always refers to the key of the element (or timer) being processed.
 */
@Public
public interface RuntimeContext {

    JobId getJobId();

    /** The name of the operator, as set with {@code name(...)}. */
    String getOperatorName();

    TaskInfo getTaskInfo();

    /** Shortcut for {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getIndexOfThisSubtask() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** Shortcut for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    /** The class loader of the user's code. */
    ClassLoader getUserCodeClassLoader();

    /** A counter whose totals over all subtasks appear in the job result under {@code name}. */
    Counter getCounter(String name);

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);
}

package io.spate.core.state;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.common.state.AggregatingStateDescriptor;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.common.state.MapStateDescriptor;
import io.spate.api.common.state.ReducingStateDescriptor;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.common.io.DataInputView;
import java.io.IOException;
import java.util.List;

/**
 * The keyed state of one subtask of a keyed operator, organised by key group. State handles are
 * scoped to the <em>current key</em>, which the operator sets before it calls user code for an
 * element or a timer.
 *
 * <p>Owned by the subtask's thread: no method may be called from another thread.
 *
 * @param <K> the key type
 */
@Internal
@NotThreadSafe
public interface KeyedStateBackend<K> extends AutoCloseable {

    /** What the backend was created with: key serializer, serializers, clock. */
    KeyedBackendParameters<K> parameters();

    /** The key groups this backend holds; keys of other groups are refused. */
    KeyGroupRange getKeyGroupRange();

    /** Makes {@code key} the current key of every state handle. */
    void setCurrentKey(K key);

    K getCurrentKey();

    /** The key group of the current key. */
    int getCurrentKeyGroup();

    /**
     * Unsets the current key: until the next {@link #setCurrentKey}, using a state handle fails
     * with an error saying that no key is current. For code that runs for no key, such as the
     * broadcast side of a keyed broadcast operator.
     */
    void clearCurrentKey();

    /**
     * The keys that hold a value of the state named {@code stateName} (in {@link VoidNamespace}),
     * collected into a new list, so that the caller may change or clear that state while it goes
     * through them. Empty when there is no such state.
     */
    List<K> getKeys(String stateName);

    /**
     * A handle of a value state; the same descriptor name always gives the same state. Handles
     * start in {@link VoidNamespace}; operators may move them to other namespaces (windows).
     */
    <T> InternalValueState<T> getValueState(ValueStateDescriptor<T> descriptor);

    <T> InternalListState<T> getListState(ListStateDescriptor<T> descriptor);

    <UK, UV> InternalMapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

    <T> InternalReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> InternalAggregatingState<IN, ACC, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    /** The number of (key, state) entries held, over all states; for tests and metrics. */
    long numberOfEntries();

    /** The name of the backend's part in a snapshot's key-group sections. */
    String SNAPSHOT_PART = "keyed-state";

    /**
     * Freezes the current state for a checkpoint. Synchronous and cheap: the returned snapshot
     * writes the frozen view later, on another thread, while processing goes on.
     */
    KeyedStateSnapshot snapshot();

    /**
     * Restores one key group from a snapshot's part (written by any backend). Called before the
     * operator opens; states registered later pick up their restored values.
     */
    void restoreKeyGroup(int keyGroup, DataInputView part) throws IOException;

    @Override
    void close();
}

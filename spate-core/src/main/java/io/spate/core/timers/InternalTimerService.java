package io.spate.core.timers;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.common.io.DataInputView;
import io.spate.common.io.DataOutputView;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.checkpoint.KeyGroupedPart;
import io.spate.core.state.KeyGroups;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import io.spate.core.state.NamespaceSerializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-time and processing-time timers of one keyed operator, per key and namespace. The
 * operator registers timers for the current key; they fire through its {@link Triggerable} with
 * their key made current on the state backend.
 *
 * <p>Event-time timers fire when {@link #advanceWatermark} passes their time, in time order.
 * Processing-time timers fire from the subtask's {@link ProcessingTimeService}, which this service
 * asks to wake it at the earliest timer's time.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
@Internal
@NotThreadSafe
public final class InternalTimerService<K, N> {
    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTime;
    private final Triggerable<K, N> target;
    private final TimerQueue<K, N> eventTimers = new TimerQueue<>();
    private final TimerQueue<K, N> processingTimers = new TimerQueue<>();
    private long watermark = Long.MIN_VALUE;
    private long nextWakeUp = Long.MAX_VALUE;
    private long latestRestoredEventTime = Long.MIN_VALUE;
    private NamespaceSerializers namespaceSerializers;

    public InternalTimerService(
            KeyedStateBackend<K> backend,
            ProcessingTimeService processingTime,
            Triggerable<K, N> target) {
        this.backend = backend;
        this.processingTime = processingTime;
        this.target = target;
    }

    public long currentWatermark() {
        return watermark;
    }

    public long currentProcessingTime() {
        return processingTime.currentProcessingTime();
    }

    public void registerEventTimeTimer(N namespace, long time) {
        eventTimers.add(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    public void registerProcessingTimeTimer(N namespace, long time) {
        if (processingTimers.add(new InternalTimer<>(time, backend.getCurrentKey(), namespace))
                && time < nextWakeUp) {
            nextWakeUp = time;
            processingTime.registerTimer(time, this::onProcessingTime);
        }
    }

    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(new InternalTimer<>(time, backend.getCurrentKey(), namespace));
    }

    /** Fires every event-time timer at or before {@code newWatermark}, in time order. */
    public void advanceWatermark(long newWatermark) throws Exception {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        for (InternalTimer<K, N> timer; (timer = eventTimers.pollDue(newWatermark)) != null; ) {
            backend.setCurrentKey(timer.key());
            target.onEventTime(timer);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        if (time != nextWakeUp) {
            return; // a wake-up superseded by an earlier one that has already run
        }
        nextWakeUp = Long.MAX_VALUE;
        long now = processingTime.currentProcessingTime();
        for (InternalTimer<K, N> timer; (timer = processingTimers.pollDue(now)) != null; ) {
            backend.setCurrentKey(timer.key());
            target.onProcessingTime(timer);
        }
        InternalTimer<K, N> next = processingTimers.peek();
        if (next != null && next.timestamp() < nextWakeUp) {
            nextWakeUp = next.timestamp();
            processingTime.registerTimer(nextWakeUp, this::onProcessingTime);
        }
    }

    /**
     * The time of the latest event-time timer restored from a snapshot, or {@code Long.MIN_VALUE}
     * when none was: until the watermark passes it, work the operator did before the snapshot (for
     * a watermark that is not restored) may still show.
     */
    public long latestRestoredEventTime() {
        return latestRestoredEventTime;
    }

    /** The number of timers not yet fired; for tests and metrics. */
    public int numberOfTimers() {
        return eventTimers.size() + processingTimers.size();
    }

    /**
     * Captures the timers for a checkpoint (synchronously: timers are immutable, so the capture is
     * a grouping by key group) and returns the part that writes them. Per key group:
     *
     * <pre>
     *   namespace class name, then for event time and processing time:
     *     varint n, n × (long time, key, namespace)
     * </pre>
     */
    public KeyGroupedPart snapshot(String partName) {
        KeyedBackendParameters<K> p = backend.parameters();
        int maxParallelism = p.maxParallelism();
        Map<Integer, List<InternalTimer<K, N>>> events = byKeyGroup(eventTimers, maxParallelism);
        Map<Integer, List<InternalTimer<K, N>>> processing =
                byKeyGroup(processingTimers, maxParallelism);
        NamespaceSerializers namespaces = namespaceSerializers();
        return new KeyGroupedPart() {
            @Override
            public String name() {
                return partName;
            }

            @Override
            public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
                List<InternalTimer<K, N>> e = events.getOrDefault(keyGroup, List.of());
                List<InternalTimer<K, N>> q = processing.getOrDefault(keyGroup, List.of());
                if (e.isEmpty() && q.isEmpty()) {
                    return;
                }
                Object sample = (e.isEmpty() ? q : e).get(0).namespace();
                String namespaceClass = sample.getClass().getName();
                TypeSerializer<Object> ns = namespaces.forClass(namespaceClass);
                out.writeString(namespaceClass);
                write(e, ns, out);
                write(q, ns, out);
            }

            private void write(
                    List<InternalTimer<K, N>> timers, TypeSerializer<Object> ns, DataOutputView out)
                    throws IOException {
                out.writeVarInt(timers.size());
                for (InternalTimer<K, N> t : timers) {
                    out.writeLong(t.timestamp());
                    p.keySerializer().serialize(t.key(), out);
                    ns.serialize(t.namespace(), out);
                }
            }
        };
    }

    /** Restores the timers of one key group written by {@link #snapshot}. */
    @SuppressWarnings("unchecked")
    public void restoreKeyGroup(DataInputView in) throws IOException {
        TypeSerializer<Object> ns = namespaceSerializers().forClass(in.readString());
        TypeSerializer<K> keys = backend.parameters().keySerializer();
        int events = in.readVarInt();
        for (int i = 0; i < events; i++) {
            long time = in.readLong();
            eventTimers.add(
                    new InternalTimer<>(time, keys.deserialize(in), (N) ns.deserialize(in)));
            latestRestoredEventTime = Math.max(latestRestoredEventTime, time);
        }
        int processing = in.readVarInt();
        for (int i = 0; i < processing; i++) {
            long time = in.readLong();
            InternalTimer<K, N> timer =
                    new InternalTimer<>(time, keys.deserialize(in), (N) ns.deserialize(in));
            if (processingTimers.add(timer) && time < nextWakeUp) {
                nextWakeUp = time;
                processingTime.registerTimer(time, this::onProcessingTime);
            }
        }
    }

    private NamespaceSerializers namespaceSerializers() {
        if (namespaceSerializers == null) {
            namespaceSerializers =
                    new NamespaceSerializers(
                            backend.parameters().serializers(),
                            backend.parameters().userClassLoader());
        }
        return namespaceSerializers;
    }

    private static <K, N> Map<Integer, List<InternalTimer<K, N>>> byKeyGroup(
            TimerQueue<K, N> queue, int maxParallelism) {
        Map<Integer, List<InternalTimer<K, N>>> groups = new HashMap<>();
        for (InternalTimer<K, N> t : queue.all()) {
            groups.computeIfAbsent(
                            KeyGroups.keyGroupOf(t.key(), maxParallelism), g -> new ArrayList<>())
                    .add(t);
        }
        return groups;
    }
}

package io.spate.runtime.exchange;

import io.spate.annotations.Internal;
import io.spate.annotations.ThreadSafe;
import io.spate.common.JobId;
import io.spate.common.concurrent.SpscArrayQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process channels of the exchanges of one process: a bounded single-producer,
 * single-consumer queue per pair of subtasks, holding {@link RecordBatch}es and {@link
 * ControlEvent}s. Producer and consumer find the same queue by its {@link ChannelId}, whichever of
 * them is deployed first.
 */
@Internal
@ThreadSafe
public final class LocalExchange {
    private final int queueCapacity;
    private final ConcurrentHashMap<ChannelId, SpscArrayQueue<Object>> channels =
            new ConcurrentHashMap<>();

    /**
     * @param queueCapacity how many batches a channel holds before its producer must wait
     */
    public LocalExchange(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public SpscArrayQueue<Object> channel(ChannelId id) {
        return channels.computeIfAbsent(id, k -> new SpscArrayQueue<>(queueCapacity));
    }

    /** The consumer end of channel {@code id}. */
    public InputChannel input(ChannelId id) {
        SpscArrayQueue<Object> queue = channel(id);
        return queue::poll;
    }

    /** The producer end of channel {@code id}. */
    public OutputChannel output(ChannelId id) {
        SpscArrayQueue<Object> queue = channel(id);
        return queue::offer;
    }

    /** Drops the channels of a job's run, once its tasks are gone. */
    public void release(JobId jobId, int attempt) {
        channels.keySet().removeIf(id -> id.jobId().equals(jobId) && id.attempt() == attempt);
    }

    /** Drops every channel of a job. */
    public void release(JobId jobId) {
        channels.keySet().removeIf(id -> id.jobId().equals(jobId));
    }

    /** The number of channels open, for tests. */
    public int size() {
        return channels.size();
    }
}

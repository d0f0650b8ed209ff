package io.spate.runtime.exchange;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.core.operators.Output;
import io.spate.core.operators.WatermarkStatus;
import io.spate.core.partition.StreamPartitioner;
import java.util.ArrayDeque;

/**
 * The producer side of one exchange for one subtask: partitions records over its channels, collects
 * them into batches and offers full batches to the channels ({@link OutputChannel}: in-process
 * queues or connections).
 *
 * <p>Never blocks: a batch that a full queue refuses waits in the channel's pending list, and
 * {@link #hasPending()} tells the tasklet to stop taking input until {@link #flush()} has moved it
 * on. So memory per channel is bounded by the queue capacity plus what one input batch can produce.
 */
@Internal
@NotThreadSafe
public final class RecordWriter implements Output<Object> {
    private final StreamPartitioner<Object> partitioner;
    private final Channel[] channels;
    private final int batchSize;
    private int pendingChannels;
    private long highWaterMark;

    public RecordWriter(
            StreamPartitioner<Object> partitioner, OutputChannel[] outputs, int batchSize) {
        this.partitioner = partitioner;
        this.batchSize = batchSize;
        this.channels = new Channel[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            channels[i] = new Channel(outputs[i]);
        }
    }

    /** A writer onto in-process queues. */
    public RecordWriter(
            StreamPartitioner<Object> partitioner, SpscArrayQueue<Object>[] queues, int batchSize) {
        this(partitioner, asOutputs(queues), batchSize);
    }

    private static OutputChannel[] asOutputs(SpscArrayQueue<Object>[] queues) {
        OutputChannel[] outputs = new OutputChannel[queues.length];
        for (int i = 0; i < queues.length; i++) {
            outputs[i] = queues[i]::offer;
        }
        return outputs;
    }

    @Override
    public void collect(Object record, long timestamp) {
        int c;
        try {
            c = partitioner.selectChannel(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PartitionException(e);
        }
        if (c == StreamPartitioner.ALL_CHANNELS) {
            for (Channel channel : channels) {
                add(channel, record, timestamp);
            }
        } else {
            add(channels[c], record, timestamp);
        }
    }

    private void add(Channel channel, Object record, long timestamp) {
        if (channel.building.add(record, timestamp)) {
            seal(channel);
        }
    }

    /** Hands the channel's batch to the queue, or parks it as pending when the queue is full. */
    private void seal(Channel channel) {
        RecordBatch batch = channel.building;
        channel.building = new RecordBatch(batchSize);
        enqueue(channel, batch);
    }

    private void enqueue(Channel channel, Object item) {
        if (channel.pending.isEmpty() && channel.queue.offer(item)) {
            return;
        }
        if (channel.pending.isEmpty()) {
            pendingChannels++;
        }
        channel.pending.add(item);
        highWaterMark = Math.max(highWaterMark, channel.pending.size());
    }

    @Override
    public void emitWatermark(long watermark) {
        broadcastEvent(new ControlEvent.Watermark(watermark));
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        broadcastEvent(status == WatermarkStatus.IDLE ? ControlEvent.IDLE : ControlEvent.ACTIVE);
    }

    /** Sends an event to every channel, after the records emitted before it. */
    public void broadcastEvent(ControlEvent event) {
        for (Channel channel : channels) {
            if (!channel.building.isEmpty()) {
                seal(channel);
            }
            enqueue(channel, event);
        }
    }

    /**
     * Moves pending items and partly filled batches into the queues as far as they have room.
     * Returns whether anything moved.
     */
    public boolean flush() {
        boolean moved = false;
        for (Channel channel : channels) {
            if (!channel.pending.isEmpty()) {
                while (!channel.pending.isEmpty() && channel.queue.offer(channel.pending.peek())) {
                    channel.pending.poll();
                    moved = true;
                }
                if (channel.pending.isEmpty()) {
                    pendingChannels--;
                }
            }
            if (channel.pending.isEmpty() && !channel.building.isEmpty()) {
                if (channel.queue.offer(channel.building)) {
                    channel.building = new RecordBatch(batchSize);
                    moved = true;
                }
            }
        }
        return moved;
    }

    /** Whether some channel holds items its queue refused: the tasklet should take no input. */
    public boolean hasPending() {
        return pendingChannels > 0;
    }

    /** Whether everything written has reached the queues. */
    public boolean isFlushed() {
        if (pendingChannels > 0) {
            return false;
        }
        for (Channel channel : channels) {
            if (!channel.building.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The most items that ever waited in one channel's pending list. */
    public long pendingHighWaterMark() {
        return highWaterMark;
    }

    private final class Channel {
        final OutputChannel queue;
        final ArrayDeque<Object> pending = new ArrayDeque<>();
        RecordBatch building = new RecordBatch(batchSize);

        Channel(OutputChannel queue) {
            this.queue = queue;
        }
    }

    /** A key selector or partitioner threw a checked exception. */
    public static final class PartitionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartitionException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}

package io.spate.cluster.embedded;

import io.spate.api.connector.sink.ClientChannel;
import io.spate.common.JobId;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The channels from collect sinks to the client, when both are in this process: a bounded queue of
 * batches each. The sink's offers fail while the queue is full, which back-pressures the job to the
 * client's pace.
 */
public final class ClientChannels {
    /** Batches a channel holds before the sink must wait. */
    static final int CAPACITY = 16;

    private final ConcurrentHashMap<Key, Channel> channels = new ConcurrentHashMap<>();

    private record Key(JobId jobId, String channelId) {}

    public Channel channel(JobId jobId, String channelId) {
        return channels.computeIfAbsent(new Key(jobId, channelId), k -> new Channel());
    }

    public void release(JobId jobId) {
        channels.keySet().removeIf(k -> k.jobId().equals(jobId));
    }

    /** Drops one channel, once its client has read it or gave up. */
    public void release(JobId jobId, String channelId) {
        channels.remove(new Key(jobId, channelId));
    }

    /** One channel; the client polls it. */
    public static final class Channel implements ClientChannel {
        private final BlockingQueue<List<?>> batches = new ArrayBlockingQueue<>(CAPACITY);

        @Override
        public boolean offer(List<?> records) {
            return batches.offer(records);
        }

        @Override
        public void finish() {}

        /** The next batch, waiting up to {@code millis}; {@code null} if none came. */
        public List<?> poll(long millis) throws InterruptedException {
            return batches.poll(millis, TimeUnit.MILLISECONDS);
        }
    }
}

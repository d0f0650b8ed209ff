package io.spate.runtime.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.core.partition.StreamPartitioner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    @SuppressWarnings("unchecked")
    private static SpscArrayQueue<Object>[] queues(int channels, int capacity) {
        SpscArrayQueue<Object>[] queues = new SpscArrayQueue[channels];
        for (int i = 0; i < channels; i++) {
            queues[i] = new SpscArrayQueue<>(capacity);
        }
        return queues;
    }

    /** Sends integer records to channel {@code record % channels}. */
    private static StreamPartitioner<Object> modulo(int channels) {
        return record -> (Integer) record % channels;
    }

    /** What a consumer would read from a queue: records as "value@timestamp", events by name. */
    private static List<String> drain(SpscArrayQueue<Object> queue) {
        List<String> items = new ArrayList<>();
        for (Object item; (item = queue.poll()) != null; ) {
            if (item instanceof RecordBatch) {
                RecordBatch b = (RecordBatch) item;
                List<String> records = new ArrayList<>();
                for (int i = 0; i < b.size(); i++) {
                    records.add(b.record(i) + "@" + b.timestamp(i));
                }
                items.add("batch" + records);
            } else {
                items.add(item.toString());
            }
        }
        return items;
    }

    @Test
    void aBatchIsHandedOverWhenItFills() {
        SpscArrayQueue<Object>[] q = queues(1, 10);
        RecordWriter writer = new RecordWriter(r -> 0, q, 3);

        writer.collect(1, 10);
        writer.collect(2, 20);
        assertThat(q[0].isEmpty()).as("a partly filled batch waits").isTrue();
        assertThat(writer.isFlushed()).isFalse();
        assertThat(writer.hasPending()).isFalse();

        writer.collect(3, 30);
        assertThat(writer.isFlushed()).isTrue();
        writer.collect(4, 40);

        assertThat(drain(q[0])).containsExactly("batch[1@10, 2@20, 3@30]");
        assertThat(writer.isFlushed()).isFalse();
    }

    @Test
    void flushHandsOverPartlyFilledBatches() {
        SpscArrayQueue<Object>[] q = queues(2, 10);
        RecordWriter writer = new RecordWriter(modulo(2), q, 100);
        for (int i = 0; i < 5; i++) {
            writer.collect(i, i);
        }
        assertThat(writer.flush()).isTrue();
        assertThat(writer.isFlushed()).isTrue();
        assertThat(writer.flush()).as("nothing left to move").isFalse();

        assertThat(drain(q[0])).containsExactly("batch[0@0, 2@2, 4@4]");
        assertThat(drain(q[1])).containsExactly("batch[1@1, 3@3]");
    }

    @Test
    void aFullQueueMakesBatchesPendingInOrderUntilFlushed() {
        SpscArrayQueue<Object>[] q = queues(1, 1);
        RecordWriter writer = new RecordWriter(r -> 0, q, 2);

        writer.collect("a", 1);
        writer.collect("b", 2); // sealed, queued
        writer.collect("c", 3);
        writer.collect("d", 4); // sealed, pending: the queue is full
        writer.collect("e", 5);
        writer.collect("f", 6); // sealed, pending behind c, d

        assertThat(writer.hasPending()).isTrue();
        assertThat(writer.isFlushed()).isFalse();
        assertThat(writer.flush()).as("the queue is still full").isFalse();
        assertThat(writer.pendingHighWaterMark()).isEqualTo(2);

        assertThat(drain(q[0])).containsExactly("batch[a@1, b@2]");
        assertThat(writer.flush()).isTrue();
        assertThat(writer.hasPending()).as("one batch still waits").isTrue();
        assertThat(drain(q[0])).containsExactly("batch[c@3, d@4]");
        assertThat(writer.flush()).isTrue();
        assertThat(writer.hasPending()).isFalse();
        assertThat(writer.isFlushed()).isTrue();
        assertThat(drain(q[0])).containsExactly("batch[e@5, f@6]");
    }

    @Test
    void aPartlyFilledBatchDoesNotOvertakePendingOnes() {
        SpscArrayQueue<Object>[] q = queues(1, 1);
        RecordWriter writer = new RecordWriter(r -> 0, q, 2);
        writer.collect("a", 1);
        writer.collect("b", 2); // queued
        writer.collect("c", 3);
        writer.collect("d", 4); // pending
        writer.collect("e", 5); // building

        drain(q[0]);
        assertThat(writer.flush()).isTrue();
        assertThat(writer.isFlushed()).as("e is still being built").isFalse();
        assertThat(drain(q[0])).containsExactly("batch[c@3, d@4]");
        assertThat(writer.flush()).isTrue();
        assertThat(drain(q[0])).containsExactly("batch[e@5]");
        assertThat(writer.isFlushed()).isTrue();
    }

    @Test
    void hasPendingStaysTrueUntilEveryChannelIsDrained() {
        SpscArrayQueue<Object>[] q = queues(2, 1);
        RecordWriter writer = new RecordWriter(modulo(2), q, 1);
        for (int i = 0; i < 4; i++) {
            writer.collect(i, 0); // batches of one: two per channel, one of them pending
        }
        assertThat(writer.hasPending()).isTrue();

        drain(q[0]);
        assertThat(writer.flush()).isTrue();
        assertThat(writer.hasPending()).as("channel 1 still waits").isTrue();

        drain(q[1]);
        assertThat(writer.flush()).isTrue();
        assertThat(writer.hasPending()).isFalse();
        assertThat(writer.isFlushed()).isTrue();
        assertThat(drain(q[0])).containsExactly("batch[2@0]");
        assertThat(drain(q[1])).containsExactly("batch[3@0]");
    }

    @Test
    void aBroadcastEventReachesEveryChannelAfterTheRecordsBeforeIt() {
        SpscArrayQueue<Object>[] q = queues(3, 10);
        RecordWriter writer = new RecordWriter(modulo(3), q, 100);
        writer.collect(0, 0);
        writer.collect(3, 3);
        writer.collect(1, 1);
        // nothing for channel 2

        writer.broadcastEvent(ControlEvent.END_OF_INPUT);

        assertThat(writer.isFlushed()).isTrue();
        assertThat(drain(q[0])).containsExactly("batch[0@0, 3@3]", "EndOfInput");
        assertThat(drain(q[1])).containsExactly("batch[1@1]", "EndOfInput");
        assertThat(drain(q[2])).containsExactly("EndOfInput");
    }

    @Test
    void aBroadcastEventWaitsBehindPendingBatches() {
        SpscArrayQueue<Object>[] q = queues(2, 1);
        RecordWriter writer = new RecordWriter(modulo(2), q, 1);
        writer.collect(0, 0); // queued on channel 0
        writer.collect(2, 2); // pending on channel 0
        writer.broadcastEvent(ControlEvent.END_OF_INPUT);

        assertThat(writer.hasPending()).isTrue();
        assertThat(drain(q[1])).containsExactly("EndOfInput");

        List<String> channel0 = new ArrayList<>(drain(q[0]));
        while (writer.hasPending()) {
            writer.flush();
            channel0.addAll(drain(q[0]));
        }
        assertThat(channel0).containsExactly("batch[0@0]", "batch[2@2]", "EndOfInput");
    }

    @Test
    void watermarksGoToEveryChannelInOrder() {
        SpscArrayQueue<Object>[] q = queues(2, 10);
        RecordWriter writer = new RecordWriter(modulo(2), q, 100);
        writer.collect(1, 5);
        writer.emitWatermark(7);
        writer.collect(0, 9);
        writer.flush();

        assertThat(drain(q[0])).containsExactly("Watermark(7)", "batch[0@9]");
        assertThat(drain(q[1])).containsExactly("batch[1@5]", "Watermark(7)");
    }

    @Test
    void allChannelsRecordsGoToEveryChannel() {
        SpscArrayQueue<Object>[] q = queues(3, 10);
        RecordWriter writer = new RecordWriter(r -> StreamPartitioner.ALL_CHANNELS, q, 2);
        writer.collect("x", 1);
        writer.collect("y", 2);
        for (SpscArrayQueue<Object> queue : q) {
            assertThat(drain(queue)).containsExactly("batch[x@1, y@2]");
        }
    }

    @Test
    void aCheckedExceptionOfThePartitionerIsWrappedAndARuntimeOneIsNot() {
        SpscArrayQueue<Object>[] q = queues(1, 1);
        IOException checked = new IOException("key unreadable");
        RecordWriter wrapping =
                new RecordWriter(
                        r -> {
                            throw checked;
                        },
                        q,
                        4);
        assertThatThrownBy(() -> wrapping.collect("r", 0))
                .isInstanceOf(RecordWriter.PartitionException.class)
                .hasMessage("key unreadable")
                .hasCause(checked);

        IllegalStateException unchecked = new IllegalStateException("bad partition");
        RecordWriter passing =
                new RecordWriter(
                        r -> {
                            throw unchecked;
                        },
                        q,
                        4);
        assertThatThrownBy(() -> passing.collect("r", 0)).isSameAs(unchecked);
        assertThat(q[0].isEmpty()).isTrue();
    }

    @Test
    void aWriterWithNoChannelsIsAlwaysFlushed() {
        RecordWriter writer = new RecordWriter(r -> 0, queues(0, 1), 4);
        writer.broadcastEvent(ControlEvent.END_OF_INPUT);
        assertThat(writer.flush()).isFalse();
        assertThat(writer.isFlushed()).isTrue();
        assertThat(writer.hasPending()).isFalse();
    }
}

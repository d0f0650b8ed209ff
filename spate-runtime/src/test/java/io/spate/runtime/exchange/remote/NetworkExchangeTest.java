package io.spate.runtime.exchange.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.common.JobId;
import io.spate.common.config.Configuration;
import io.spate.common.serialization.TypeSerializer;
import io.spate.core.serialization.LongSerializer;
import io.spate.core.serialization.StringSerializer;
import io.spate.network.NetworkOptions;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.InputChannel;
import io.spate.runtime.exchange.OutputChannel;
import io.spate.runtime.exchange.RecordBatch;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class NetworkExchangeTest {
    private static final JobId JOB = new JobId(1, 2);
    private static final TypeSerializer<Object> STRINGS = erase(StringSerializer.INSTANCE);
    private static final TypeSerializer<Object> LONGS = erase(LongSerializer.INSTANCE);

    @ParameterizedTest(name = "consumer registered first: {0}")
    @ValueSource(booleans = {true, false})
    void deliversBatchesAndControlEventsInOrder(boolean consumerFirst) {
        try (NetworkExchange producer = NetworkExchange.start(new Configuration(), "producer");
                NetworkExchange consumer = NetworkExchange.start(new Configuration(), "consumer")) {
            ChannelId stringsId = new ChannelId(JOB, 0, 1, 0, 1);
            ChannelId longsId = new ChannelId(JOB, 0, 2, 3, 0);
            List<Object> strings =
                    List.of(
                            batch(List.of("a", "bb", "ccc"), 10),
                            new ControlEvent.Watermark(11),
                            ControlEvent.IDLE,
                            ControlEvent.ACTIVE,
                            batch(List.of("d"), 20),
                            new ControlEvent.Barrier(7, 1234, "/checkpoints/7", true, false),
                            new ControlEvent.Barrier(8, 1235, null, false, true),
                            batch(List.of(), 0),
                            ControlEvent.END_OF_INPUT);
            List<Object> longs =
                    List.of(
                            batch(List.of(1L, -2L, Long.MAX_VALUE), 100),
                            new ControlEvent.Watermark(Long.MIN_VALUE),
                            ControlEvent.END_OF_INPUT);

            InputChannel stringsIn = null;
            InputChannel longsIn = null;
            if (consumerFirst) {
                stringsIn = consumer.inputChannel(stringsId, STRINGS);
                longsIn = consumer.inputChannel(longsId, LONGS);
            }
            OutputChannel stringsOut =
                    producer.outputChannel(consumer.address(), stringsId, STRINGS);
            OutputChannel longsOut = producer.outputChannel(consumer.address(), longsId, LONGS);
            sendAll(stringsOut, strings);
            sendAll(longsOut, longs);
            if (!consumerFirst) {
                await().until(() -> consumer.bufferedFrames(stringsId) == strings.size());
                stringsIn = consumer.inputChannel(stringsId, STRINGS);
                longsIn = consumer.inputChannel(longsId, LONGS);
            }

            assertReceived(receive(stringsIn, strings.size()), strings);
            assertReceived(receive(longsIn, longs.size()), longs);
            // the producer closed its channels after the end of input: no failure follows
            assertThat(stringsIn.poll()).isNull();
            assertThat(longsIn.poll()).isNull();
        }
    }

    @Test
    void producerWaitsForCreditAndNothingIsLost() {
        int window = 4;
        Configuration conf = new Configuration().set(NetworkOptions.CHANNEL_CREDIT, window);
        try (NetworkExchange producer = NetworkExchange.start(conf, "producer");
                NetworkExchange consumer = NetworkExchange.start(conf, "consumer")) {
            ChannelId id = new ChannelId(JOB, 1, 1, 0, 0);
            InputChannel in = consumer.inputChannel(id, LONGS);
            OutputChannel out = producer.outputChannel(consumer.address(), id, LONGS);
            int total = 200;
            AtomicInteger sent = new AtomicInteger();

            // the consumer does not poll: the producer gets as far as the window and no further
            await().until(
                            () -> {
                                if (out.offer(batch(List.of((long) sent.get()), sent.get()))) {
                                    sent.incrementAndGet();
                                }
                                return sent.get() == window;
                            });
            await().until(() -> consumer.bufferedFrames(id) == window);
            for (int i = 0; i < 1000; i++) {
                assertThat(out.offer(batch(List.of(-1L), 0))).isFalse();
            }
            assertThat(consumer.bufferedFrames(id)).isEqualTo(window);

            List<Object> received = new ArrayList<>();
            await().until(
                            () -> {
                                if (sent.get() < total
                                        && out.offer(
                                                batch(List.of((long) sent.get()), sent.get()))) {
                                    sent.incrementAndGet();
                                }
                                assertThat(consumer.bufferedFrames(id)).isLessThanOrEqualTo(window);
                                Object item = in.poll();
                                if (item != null) {
                                    received.add(item);
                                }
                                return received.size() == total;
                            });
            List<Object> expected = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                expected.add(batch(List.of(i), i));
            }
            assertReceived(received, expected);
        }
    }

    @Test
    void splitsALargeBatchIntoFramesOfWholeRecords() {
        Configuration conf = new Configuration().set(NetworkOptions.MAX_FRAME_SIZE, 1024);
        try (NetworkExchange producer = NetworkExchange.start(conf, "producer");
                NetworkExchange consumer = NetworkExchange.start(conf, "consumer")) {
            ChannelId id = new ChannelId(JOB, 0, 1, 0, 0);
            InputChannel in = consumer.inputChannel(id, STRINGS);
            OutputChannel out = producer.outputChannel(consumer.address(), id, STRINGS);
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                records.add(i + "-" + "x".repeat(50));
            }
            RecordBatch large = new RecordBatch(records.size());
            for (int i = 0; i < records.size(); i++) {
                large.add(records.get(i), 1000 + i);
            }
            sendAll(out, List.of(large, ControlEvent.END_OF_INPUT));

            List<Object> items = new ArrayList<>();
            await().until(
                            () -> {
                                Object item = in.poll();
                                if (item != null) {
                                    items.add(item);
                                }
                                return item == ControlEvent.END_OF_INPUT;
                            });
            // about 60 bytes a record in frames of 1 KiB
            assertThat(items).hasSizeGreaterThanOrEqualTo(7);
            List<Object> received = new ArrayList<>();
            List<Long> timestamps = new ArrayList<>();
            for (Object item : items.subList(0, items.size() - 1)) {
                RecordBatch b = (RecordBatch) item;
                assertThat(b.size()).isPositive();
                for (int i = 0; i < b.size(); i++) {
                    received.add(b.record(i));
                    timestamps.add(b.timestamp(i));
                }
            }
            assertThat(received).isEqualTo(records);
            assertThat(timestamps).first().isEqualTo(1000L);
            assertThat(timestamps).last().isEqualTo(1099L);
        }
    }

    @Test
    void aRecordLargerThanAFrameFailsClearly() {
        Configuration conf = new Configuration().set(NetworkOptions.MAX_FRAME_SIZE, 1024);
        try (NetworkExchange producer = NetworkExchange.start(conf, "producer");
                NetworkExchange consumer = NetworkExchange.start(conf, "consumer")) {
            ChannelId id = new ChannelId(JOB, 0, 1, 0, 0);
            consumer.inputChannel(id, STRINGS);
            OutputChannel out = producer.outputChannel(consumer.address(), id, STRINGS);
            RecordBatch batch = batch(List.of("small", "y".repeat(2000)), 0);

            await().untilAsserted(
                            () ->
                                    assertThatThrownBy(() -> out.offer(batch))
                                            .isInstanceOf(IllegalArgumentException.class)
                                            .hasMessageContaining("2010 bytes")
                                            .hasMessageContaining("1024 bytes")
                                            .hasMessageContaining("network.max-frame-size"));
        }
    }

    @Test
    void consumerFailsWhenItsProducerGoesAwayMidStream() {
        try (NetworkExchange consumer = NetworkExchange.start(new Configuration(), "consumer")) {
            ChannelId id = new ChannelId(JOB, 0, 1, 2, 3);
            InputChannel in = consumer.inputChannel(id, STRINGS);
            String producerAddress;
            try (NetworkExchange producer =
                    NetworkExchange.start(new Configuration(), "producer")) {
                producerAddress = producer.address();
                OutputChannel out = producer.outputChannel(consumer.address(), id, STRINGS);
                sendAll(
                        out,
                        List.of(
                                batch(List.of("a"), 1),
                                new ControlEvent.Watermark(2),
                                batch(List.of("b"), 3)));
                await().until(() -> consumer.bufferedFrames(id) == 3);
            }

            assertReceived(
                    receive(in, 3),
                    List.of(
                            batch(List.of("a"), 1),
                            new ControlEvent.Watermark(2),
                            batch(List.of("b"), 3)));
            await().untilAsserted(
                            () ->
                                    assertThatThrownBy(in::poll)
                                            .hasMessageContaining("producer of channel " + id)
                                            .hasMessageContaining(producerAddress)
                                            .hasMessageContaining("disconnected"));
        }
    }

    @Test
    void producerFailsWhenNothingListensAtTheConsumersAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        try (NetworkExchange producer = NetworkExchange.start(new Configuration(), "producer")) {
            OutputChannel out =
                    producer.outputChannel(address, new ChannelId(JOB, 0, 1, 0, 0), STRINGS);
            await().untilAsserted(
                            () ->
                                    assertThatThrownBy(() -> out.offer(batch(List.of("a"), 0)))
                                            .hasMessageContaining(address));
        }
    }

    @Test
    void producerFailsWhenItsConsumersProcessGoesAway() {
        try (NetworkExchange producer = NetworkExchange.start(new Configuration(), "producer")) {
            ChannelId id = new ChannelId(JOB, 0, 1, 0, 0);
            OutputChannel out;
            String consumerAddress;
            try (NetworkExchange consumer =
                    NetworkExchange.start(new Configuration(), "consumer")) {
                consumerAddress = consumer.address();
                consumer.inputChannel(id, STRINGS);
                out = producer.outputChannel(consumerAddress, id, STRINGS);
                sendAll(out, List.of(batch(List.of("a"), 1)));
            }
            await().untilAsserted(
                            () ->
                                    assertThatThrownBy(() -> out.offer(batch(List.of("b"), 2)))
                                            .hasMessageContaining("consumer of channel " + id)
                                            .hasMessageContaining(consumerAddress)
                                            .hasMessageContaining("broke"));
        }
    }

    @Test
    void releasingARunFreesItsChannelsOnBothSides() {
        try (NetworkExchange producer = NetworkExchange.start(new Configuration(), "producer");
                NetworkExchange consumer = NetworkExchange.start(new Configuration(), "consumer")) {
            ChannelId id = new ChannelId(JOB, 4, 1, 0, 0);
            ChannelId other = new ChannelId(JOB, 5, 1, 0, 0);
            OutputChannel out = producer.outputChannel(consumer.address(), id, STRINGS);
            OutputChannel otherOut = producer.outputChannel(consumer.address(), other, STRINGS);
            InputChannel otherIn = consumer.inputChannel(other, STRINGS);
            sendAll(out, List.of(batch(List.of("a"), 1)));
            await().until(() -> consumer.bufferedFrames(id) == 1);

            consumer.release(JOB, 4);
            assertThat(consumer.bufferedFrames(id)).isZero();

            producer.release(JOB, 4);
            assertThatThrownBy(() -> out.offer(batch(List.of("b"), 2)))
                    .hasMessageContaining("released");

            // the other run's channel still works
            sendAll(otherOut, List.of(batch(List.of("c"), 3), ControlEvent.END_OF_INPUT));
            assertReceived(
                    receive(otherIn, 2),
                    List.of(batch(List.of("c"), 3), ControlEvent.END_OF_INPUT));
        }
    }

    // ---- helpers

    private static ConditionFactory await() {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1));
    }

    private static void sendAll(OutputChannel out, List<Object> items) {
        AtomicInteger next = new AtomicInteger();
        await().until(
                        () -> {
                            if (out.offer(items.get(next.get()))) {
                                next.incrementAndGet();
                            }
                            return next.get() == items.size();
                        });
    }

    private static List<Object> receive(InputChannel in, int count) {
        List<Object> received = new ArrayList<>();
        await().until(
                        () -> {
                            Object item = in.poll();
                            if (item != null) {
                                received.add(item);
                            }
                            return received.size() == count;
                        });
        return received;
    }

    private static void assertReceived(List<Object> received, List<Object> sent) {
        assertThat(received).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            Object expected = sent.get(i);
            Object actual = received.get(i);
            if (expected == ControlEvent.END_OF_INPUT
                    || expected == ControlEvent.IDLE
                    || expected == ControlEvent.ACTIVE) {
                assertThat(actual).as("item %d", i).isSameAs(expected);
            } else {
                assertThat(describe(actual)).as("item %d", i).isEqualTo(describe(expected));
            }
        }
    }

    /** A value-comparable form of an item. */
    private static List<Object> describe(Object item) {
        List<Object> d = new ArrayList<>();
        d.add(item.getClass().getSimpleName());
        if (item instanceof RecordBatch b) {
            for (int i = 0; i < b.size(); i++) {
                d.add(b.record(i));
                d.add(b.timestamp(i));
            }
        } else if (item instanceof ControlEvent.Watermark w) {
            d.add(w.timestamp());
        } else if (item instanceof ControlEvent.Barrier b) {
            d.add(b.checkpointId());
            d.add(b.timestamp());
            d.add(String.valueOf(b.directory()));
            d.add(b.isSavepoint());
            d.add(b.isEndOfData());
        }
        return d;
    }

    private static RecordBatch batch(List<?> records, long firstTimestamp) {
        RecordBatch batch = new RecordBatch(records.size());
        for (int i = 0; i < records.size(); i++) {
            batch.add(records.get(i), firstTimestamp + i);
        }
        return batch;
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> erase(TypeSerializer<?> serializer) {
        return (TypeSerializer<Object>) serializer;
    }
}

package io.spate.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fast producer and a deliberately slow consumer over a real loopback socket: the producer is
 * throttled by credit, never has more frames in flight than the receiver granted, and every payload
 * arrives once and in order.
 */
class CreditFlowControlTest {
    private static final int CREDIT = 8;
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final NetworkConfig config = NetworkConfig.defaults().withChannelCredit(CREDIT);
    private final BlockingQueue<InboundFrame> handedOver = new LinkedBlockingQueue<>();
    private final AtomicInteger unreleased = new AtomicInteger();
    private final AtomicInteger maxUnreleased = new AtomicInteger();
    private final List<Integer> received = new CopyOnWriteArrayList<>();
    private final TestingInboundHandler serverSide =
            new TestingInboundHandler(
                    id ->
                            frame -> {
                                // on the event loop: count and hand over, never block
                                maxUnreleased.accumulateAndGet(
                                        unreleased.incrementAndGet(), Math::max);
                                handedOver.add(frame);
                            });
    private NetworkServer server;
    private NetworkClient client;
    private Thread slowConsumer;

    @BeforeEach
    void start() {
        server = NetworkServer.start(config, "receiver", new TestingAcceptor(serverSide));
        client = new NetworkClient(config, "sender");
        slowConsumer =
                new Thread(
                        () -> {
                            try {
                                while (!Thread.currentThread().isInterrupted()) {
                                    InboundFrame frame =
                                            handedOver.poll(100, TimeUnit.MILLISECONDS);
                                    if (frame == null) {
                                        continue;
                                    }
                                    // slow: a fraction of a millisecond per frame
                                    LockSupport.parkNanos(300_000);
                                    received.add(frame.payload().getInt());
                                    unreleased.decrementAndGet();
                                    frame.release();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "slow-consumer");
        slowConsumer.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        slowConsumer.interrupt();
        slowConsumer.join(10_000);
        client.close();
        server.close();
    }

    @Test
    void aSlowConsumerThrottlesAFastProducerWithoutLossOrReordering() throws Exception {
        Connection connection =
                client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
        OutboundChannel channel = connection.openChannel(3);
        Semaphore creditArrived = new Semaphore(0);
        channel.onCreditAvailable(creditArrived::release);

        int total = 2_000;
        int refusals = 0;
        int maxCreditSeen = 0;
        long deadline = BOUND.toMillis();
        for (int i = 0; i < total; ) {
            maxCreditSeen = Math.max(maxCreditSeen, channel.credit());
            byte[] payload = ByteBuffer.allocate(64).putInt(i).array();
            if (channel.trySend(payload)) {
                i++;
            } else {
                refusals++;
                // the caller would do other work here; the test just waits for the callback
                assertThat(creditArrived.tryAcquire(deadline, TimeUnit.MILLISECONDS))
                        .as("credit arrives while the consumer releases frames")
                        .isTrue();
            }
        }

        await().atMost(BOUND).until(() -> received.size() == total);
        assertThat(received).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(received.get(i)).isEqualTo(i);
        }
        assertThat(refusals).as("the producer was throttled").isGreaterThan(0);
        assertThat(maxUnreleased.get()).isLessThanOrEqualTo(CREDIT).isPositive();
        assertThat(maxCreditSeen).isLessThanOrEqualTo(CREDIT);
        assertThat(serverSide.closeCauses).as("no protocol violation").isEmpty();
        await().atMost(BOUND).until(() -> channel.credit() == CREDIT);
    }

    @Test
    void aChannelHasNoCreditUntilTheReceiverGrantsIt() throws Exception {
        Connection connection =
                client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
        OutboundChannel channel = connection.openChannel(1);
        Semaphore creditArrived = new Semaphore(0);
        channel.onCreditAvailable(creditArrived::release);
        if (!channel.trySend(new byte[] {0, 0, 0, 0})) {
            assertThat(creditArrived.tryAcquire(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        await().atMost(BOUND).until(() -> channel.credit() >= CREDIT - 1);
        assertThat(serverSide.openedChannels).containsExactly(1);
    }

    @Test
    void channelsAreClosedWithTheirReceiverTold() {
        AtomicInteger closedChannels = new AtomicInteger();
        TestingInboundHandler handler =
                new TestingInboundHandler(
                        id ->
                                new FrameConsumer() {
                                    @Override
                                    public void onFrame(InboundFrame frame) {
                                        frame.release();
                                    }

                                    @Override
                                    public void onChannelClosed() {
                                        closedChannels.incrementAndGet();
                                    }
                                });
        try (NetworkServer other =
                NetworkServer.start(config, "r2", new TestingAcceptor(handler))) {
            Connection connection =
                    client.connect("127.0.0.1", other.port(), new TestingInboundHandler());
            OutboundChannel channel = connection.openChannel(5);
            await().atMost(BOUND).until(() -> channel.credit() == CREDIT);
            channel.close();
            await().atMost(BOUND).until(() -> closedChannels.get() == 1);
        }
    }

    @Test
    void aSenderThatIgnoresItsCreditIsDisconnected() {
        List<InboundFrame> hoarded = new CopyOnWriteArrayList<>();
        TestingInboundHandler hoarding = new TestingInboundHandler(id -> hoarded::add);
        try (NetworkServer other =
                NetworkServer.start(config, "r3", new TestingAcceptor(hoarding))) {
            Connection connection =
                    client.connect("127.0.0.1", other.port(), new TestingInboundHandler());
            OutboundChannel channel = connection.openChannel(2);
            await().atMost(BOUND).until(() -> channel.credit() == CREDIT);
            // bypass trySend: one frame more than granted
            for (int i = 0; i <= CREDIT; i++) {
                connection.write(FrameType.DATA, 2, Unpooled.wrappedBuffer(new byte[4]));
            }
            await().atMost(BOUND).until(() -> hoarding.closed);
            assertThat(hoarding.closeCauses)
                    .singleElement()
                    .satisfies(
                            e ->
                                    assertThat(e)
                                            .hasMessageContaining(
                                                    "(sender) broke the Spate network protocol")
                                            .hasMessageContaining(
                                                    "more frames on channel 2 than it had credit for"));
            await().atMost(BOUND).until(() -> !connection.isOpen());
            assertThat(hoarded).hasSize(CREDIT);
            hoarded.forEach(InboundFrame::release);
        }
    }
}

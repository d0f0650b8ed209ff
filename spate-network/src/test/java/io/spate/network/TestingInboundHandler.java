package io.spate.network;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/** Records what arrives; channels get the consumer a test supplies. */
final class TestingInboundHandler implements InboundHandler {
    final List<ControlMessage> controlMessages = new CopyOnWriteArrayList<>();
    final List<Integer> openedChannels = new CopyOnWriteArrayList<>();
    final List<Throwable> closeCauses = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    private final IntFunction<FrameConsumer> consumers;

    TestingInboundHandler() {
        this(id -> InboundFrame::release);
    }

    TestingInboundHandler(IntFunction<FrameConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public FrameConsumer onChannelOpened(Connection connection, int channelId) {
        openedChannels.add(channelId);
        return consumers.apply(channelId);
    }

    @Override
    public void onControlMessage(Connection connection, ControlMessage message) {
        controlMessages.add(message);
    }

    @Override
    public void onClosed(Connection connection, Throwable cause) {
        if (cause != null) {
            closeCauses.add(cause);
        }
        closed = true;
    }
}

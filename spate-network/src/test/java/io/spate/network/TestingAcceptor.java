package io.spate.network;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts every connection with one handler and records connections and refusals. */
final class TestingAcceptor implements ConnectionAcceptor {
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    final List<NetworkException> refusals = new CopyOnWriteArrayList<>();
    final InboundHandler handler;

    TestingAcceptor(InboundHandler handler) {
        this.handler = handler;
    }

    TestingAcceptor() {
        this(new TestingInboundHandler());
    }

    @Override
    public InboundHandler accept(Connection connection) {
        connections.add(connection);
        return handler;
    }

    @Override
    public void onRefused(SocketAddress peer, NetworkException reason) {
        refusals.add(reason);
    }
}

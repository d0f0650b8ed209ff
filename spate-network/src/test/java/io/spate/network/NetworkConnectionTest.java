package io.spate.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spate.common.config.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkConnectionTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final NetworkConfig config =
            NetworkConfig.from(
                    new Configuration()
                            .set(NetworkOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5))
                            .set(NetworkOptions.HANDSHAKE_TIMEOUT, Duration.ofSeconds(5)));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private NetworkServer server(NetworkConfig cfg, ConnectionAcceptor acceptor) {
        NetworkServer server = NetworkServer.start(cfg, "jobmanager", acceptor);
        closeables.add(server);
        return server;
    }

    private NetworkClient client(NetworkConfig cfg) {
        NetworkClient client = new NetworkClient(cfg, "taskmanager-1");
        closeables.add(client);
        return client;
    }

    @Test
    void aClientConnectsOverLoopbackAndBothSidesKnowEachOther() {
        TestingAcceptor acceptor = new TestingAcceptor();
        NetworkServer server = server(config, acceptor);
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.port()).isPositive();

        Connection connection =
                client(config).connect("127.0.0.1", server.port(), new TestingInboundHandler());

        assertThat(connection.peerName()).isEqualTo("jobmanager");
        assertThat(connection.isOpen()).isTrue();
        await().atMost(BOUND).until(() -> acceptor.connections.size() == 1);
        assertThat(acceptor.connections.get(0).peerName()).isEqualTo("taskmanager-1");
        assertThat(acceptor.refusals).isEmpty();
    }

    @Test
    void controlMessagesTravelBothWays() throws Exception {
        TestingInboundHandler serverSide = new TestingInboundHandler();
        TestingAcceptor acceptor = new TestingAcceptor(serverSide);
        NetworkServer server = server(config, acceptor);
        TestingInboundHandler clientSide = new TestingInboundHandler();
        Connection connection = client(config).connect("127.0.0.1", server.port(), clientSide);

        connection.sendControl(new ControlMessage(7, new byte[] {1, 2, 3})).get();
        await().atMost(BOUND).until(() -> serverSide.controlMessages.size() == 1);
        assertThat(serverSide.controlMessages.get(0).type()).isEqualTo(7);
        assertThat(serverSide.controlMessages.get(0).body()).containsExactly(1, 2, 3);

        acceptor.connections.get(0).sendControl(new ControlMessage(8, new byte[0])).get();
        await().atMost(BOUND).until(() -> clientSide.controlMessages.size() == 1);
        assertThat(clientSide.controlMessages.get(0).type()).isEqualTo(8);
        assertThat(clientSide.controlMessages.get(0).body()).isEmpty();
    }

    @Test
    void aVersionMismatchIsAClearErrorOnBothSides() {
        TestingAcceptor acceptor = new TestingAcceptor();
        NetworkServer server = server(config, acceptor);
        NetworkClient newer = client(config.withProtocolVersion(Frames.PROTOCOL_VERSION + 1));

        assertThatThrownBy(
                        () ->
                                newer.connect(
                                        "127.0.0.1", server.port(), new TestingInboundHandler()))
                .isInstanceOf(NetworkException.class)
                .hasMessage(
                        "peer 127.0.0.1:"
                                + server.port()
                                + " speaks Spate network protocol version "
                                + Frames.PROTOCOL_VERSION
                                + ", this process speaks "
                                + (Frames.PROTOCOL_VERSION + 1));
        await().atMost(BOUND).until(() -> acceptor.refusals.size() == 1);
        assertThat(acceptor.refusals.get(0))
                .hasMessageMatching(
                        "peer 127\\.0\\.0\\.1:\\d+ speaks Spate network protocol version "
                                + (Frames.PROTOCOL_VERSION + 1)
                                + ", this process speaks "
                                + Frames.PROTOCOL_VERSION);
        assertThat(acceptor.connections).isEmpty();
    }

    @Test
    void aServerWithATokenRefusesAWrongOrMissingOne() {
        TestingAcceptor acceptor = new TestingAcceptor();
        NetworkServer server = server(config.withToken("s3cret"), acceptor);

        assertThatThrownBy(
                        () ->
                                client(config.withToken("guess"))
                                        .connect(
                                                "127.0.0.1",
                                                server.port(),
                                                new TestingInboundHandler()))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("peer 127.0.0.1:" + server.port() + " refused the connection")
                .hasMessageContaining("wrong or missing token (network.token)")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(
                        () ->
                                client(config)
                                        .connect(
                                                "127.0.0.1",
                                                server.port(),
                                                new TestingInboundHandler()))
                .hasMessageContaining("wrong or missing token");
        await().atMost(BOUND).until(() -> acceptor.refusals.size() == 2);
        assertThat(acceptor.refusals.get(0))
                .hasMessageContaining("(taskmanager-1) presented a wrong token")
                .hasMessageNotContaining("guess");
        assertThat(acceptor.refusals.get(1)).hasMessageContaining("presented no token");

        Connection ok =
                client(config.withToken("s3cret"))
                        .connect("127.0.0.1", server.port(), new TestingInboundHandler());
        assertThat(ok.isOpen()).isTrue();
    }

    @Test
    void aPortInUseIsAClearError() {
        NetworkServer first = server(config, new TestingAcceptor());
        assertThatThrownBy(() -> server(config.withPort(first.port()), new TestingAcceptor()))
                .isInstanceOf(NetworkException.class)
                .hasMessageStartingWith("port " + first.port() + " on 127.0.0.1 is in use");
    }

    @Test
    void nothingListeningIsAClearErrorNamingTheAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        NetworkClient client = client(config);
        assertThatThrownBy(() -> client.connect("127.0.0.1", port, new TestingInboundHandler()))
                .isInstanceOf(NetworkException.class)
                .hasMessage(
                        "cannot connect to 127.0.0.1:"
                                + port
                                + ": nothing listens there (connection refused)");
    }

    @Test
    void aPeerSendingGarbageIsRefusedAndTheServerKeepsServing() throws IOException {
        TestingAcceptor acceptor = new TestingAcceptor();
        NetworkServer server = server(config, acceptor);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(BOUND).until(() -> acceptor.refusals.size() == 1);
            // the server answered with a REJECT and closed: read until end of stream
            socket.setSoTimeout((int) BOUND.toMillis());
            byte[] answer = socket.getInputStream().readAllBytes();
            assertThat(answer.length).isGreaterThanOrEqualTo(Frames.HEADER_SIZE);
        }
        assertThat(acceptor.refusals.get(0)).hasMessageContaining("is not a Spate network peer");
        Connection ok =
                client(config).connect("127.0.0.1", server.port(), new TestingInboundHandler());
        assertThat(ok.isOpen()).isTrue();
    }

    @Test
    void closingTheClientClosesTheServersSideOfTheConnection() {
        TestingInboundHandler serverSide = new TestingInboundHandler();
        TestingAcceptor acceptor = new TestingAcceptor(serverSide);
        NetworkServer server = server(config, acceptor);
        NetworkClient client = new NetworkClient(config, "short-lived");
        try {
            Connection connection =
                    client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
            connection.close();
            assertThat(connection.closeFuture()).isDone();
        } finally {
            client.close();
        }
        await().atMost(BOUND).until(() -> serverSide.closed);
        assertThat(serverSide.closeCauses).isEmpty();
    }

    @Test
    void closingServerAndClientEndsEveryNetworkThread() {
        NetworkConfig twoThreads =
                NetworkConfig.from(new Configuration().set(NetworkOptions.IO_THREADS, 2));
        NetworkServer server = NetworkServer.start(twoThreads, "jm", new TestingAcceptor());
        NetworkClient client = new NetworkClient(twoThreads, "tm");
        client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
        client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
        assertThat(networkThreads()).isNotEmpty();

        client.close();
        server.close();

        await().atMost(BOUND).untilAsserted(() -> assertThat(networkThreads()).isEmpty());
    }

    @Test
    void closingAServerEndsItsConnectionsForTheClientsToo() {
        NetworkServer server = NetworkServer.start(config, "jm", new TestingAcceptor());
        NetworkClient client = new NetworkClient(config, "tm");
        try {
            Connection toServer =
                    client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
            server.close();
            await().atMost(BOUND).until(() -> toServer.closeFuture().isDone());
        } finally {
            client.close();
        }
    }

    @Test
    void closingAClientEndsItsConnectionsForTheServerToo() {
        TestingAcceptor acceptor = new TestingAcceptor();
        NetworkServer server = NetworkServer.start(config, "jm", acceptor);
        NetworkClient client = new NetworkClient(config, "tm");
        try {
            client.connect("127.0.0.1", server.port(), new TestingInboundHandler());
            await().atMost(BOUND).until(() -> !acceptor.connections.isEmpty());
            Connection fromClient = acceptor.connections.get(0);
            client.close();
            await().atMost(BOUND).until(() -> fromClient.closeFuture().isDone());
        } finally {
            server.close();
        }
    }

    private static List<String> networkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("spate-network"))
                .toList();
    }
}

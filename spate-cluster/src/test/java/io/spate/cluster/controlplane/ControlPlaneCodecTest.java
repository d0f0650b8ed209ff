package io.spate.cluster.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.cluster.controlplane.ControlPlaneMessage.Disconnect;
import io.spate.cluster.controlplane.ControlPlaneMessage.Heartbeat;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationRefusal;
import io.spate.cluster.controlplane.ControlPlaneMessage.ResourceProfile;
import io.spate.network.ControlMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneCodecTest {
    private static final List<ControlPlaneMessage> EVERY_MESSAGE =
            List.of(
                    new RegisterTaskManager(
                            new TaskManagerId("taskmanager-1"),
                            "127.0.0.1",
                            4,
                            new ResourceProfile(8, 3L << 30)),
                    new RegistrationAck(new TaskManagerId("tm-ü"), 2_000, 10_000),
                    new RegistrationRefusal("a TaskManager must offer at least one slot"),
                    new Heartbeat(0),
                    new Heartbeat(Long.MAX_VALUE),
                    new Disconnect("the JobManager shuts down"));

    @Test
    void everyMessageSurvivesARoundTrip() {
        for (ControlPlaneMessage m : EVERY_MESSAGE) {
            ControlMessage encoded = ControlPlaneCodec.encode(m);
            assertThat(ControlPlaneCodec.decode(encoded, "test peer")).isEqualTo(m);
        }
    }

    @Test
    void eachMessageHasItsOwnFrozenType() {
        assertThat(EVERY_MESSAGE.stream().map(m -> ControlPlaneCodec.encode(m).type()).distinct())
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void anUnknownTypeIsRejectedClearly() {
        ControlMessage unknown = new ControlMessage(42, new byte[] {1});
        assertThatThrownBy(() -> ControlPlaneCodec.decode(unknown, "TaskManager at 127.0.0.1:9"))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageContaining("unknown control-plane message type 42")
                .hasMessageContaining("TaskManager at 127.0.0.1:9");
    }

    @Test
    void anUnknownFormatVersionIsRejectedClearly() {
        byte[] body = ControlPlaneCodec.encode(new Heartbeat(7)).body();
        body[0] = 9;
        assertThatThrownBy(
                        () ->
                                ControlPlaneCodec.decode(
                                        new ControlMessage(ControlPlaneCodec.HEARTBEAT, body), "p"))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessage(
                        "Heartbeat message of format version 9 from p; this process reads version 1");
    }

    @Test
    void aTruncatedOrOverlongBodyIsRejected() {
        ControlMessage register = ControlPlaneCodec.encode(EVERY_MESSAGE.get(0));
        byte[] cut = Arrays.copyOf(register.body(), register.body().length - 3);
        assertThatThrownBy(
                        () ->
                                ControlPlaneCodec.decode(
                                        new ControlMessage(register.type(), cut), "p"))
                .isInstanceOf(ControlPlaneException.class)
                .hasMessageStartingWith("malformed RegisterTaskManager message from p");
        byte[] longer = Arrays.copyOf(register.body(), register.body().length + 2);
        assertThatThrownBy(
                        () ->
                                ControlPlaneCodec.decode(
                                        new ControlMessage(register.type(), longer), "p"))
                .hasMessageContaining("2 unexpected bytes");
        assertThatThrownBy(
                        () ->
                                ControlPlaneCodec.decode(
                                        new ControlMessage(
                                                ControlPlaneCodec.HEARTBEAT, new byte[0]),
                                        "p"))
                .hasMessage("empty Heartbeat message from p");
    }
}

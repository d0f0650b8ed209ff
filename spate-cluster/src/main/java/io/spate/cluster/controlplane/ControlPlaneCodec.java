package io.spate.cluster.controlplane;

import io.spate.cluster.controlplane.ControlPlaneMessage.Disconnect;
import io.spate.cluster.controlplane.ControlPlaneMessage.Heartbeat;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegisterTaskManager;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationAck;
import io.spate.cluster.controlplane.ControlPlaneMessage.RegistrationRefusal;
import io.spate.cluster.controlplane.ControlPlaneMessage.ResourceProfile;
import io.spate.common.io.DataInputView;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.network.ControlMessage;
import java.io.IOException;

/**
 * Writes and reads {@link ControlPlaneMessage}s as the {@code (type, body)} of a spate-network
 * {@link ControlMessage}, field by field; nothing is deserialized with Java's native serialization.
 *
 * <p>The type ids below are frozen. Every body starts with a one-byte format version of its
 * message, so that a message can gain fields: a reader refuses a version it does not know with a
 * message that says which, instead of misreading the bytes (ADR 0010). Stateless and thread-safe.
 */
public final class ControlPlaneCodec {
    public static final int REGISTER_TASK_MANAGER = 1;
    public static final int REGISTRATION_ACK = 2;
    public static final int REGISTRATION_REFUSAL = 3;
    public static final int HEARTBEAT = 4;
    public static final int DISCONNECT = 5;

    /** The format version of every message body this process writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private ControlPlaneCodec() {}

    public static ControlMessage encode(ControlPlaneMessage message) {
        MemoryDataOutput out = new MemoryDataOutput(64);
        out.writeByte(FORMAT_VERSION);
        int type;
        if (message instanceof RegisterTaskManager m) {
            type = REGISTER_TASK_MANAGER;
            out.writeString(m.id().value());
            out.writeString(m.address());
            out.writeVarInt(m.slots());
            out.writeVarInt(m.resources().cpuCores());
            out.writeVarLong(m.resources().memoryBytes());
        } else if (message instanceof RegistrationAck m) {
            type = REGISTRATION_ACK;
            out.writeString(m.id().value());
            out.writeVarLong(m.heartbeatIntervalMillis());
            out.writeVarLong(m.heartbeatTimeoutMillis());
        } else if (message instanceof RegistrationRefusal m) {
            type = REGISTRATION_REFUSAL;
            out.writeString(m.reason());
        } else if (message instanceof Heartbeat m) {
            type = HEARTBEAT;
            out.writeVarLong(m.sequence());
        } else if (message instanceof Disconnect m) {
            type = DISCONNECT;
            out.writeString(m.reason());
        } else {
            throw new IllegalArgumentException("not a control-plane message: " + message);
        }
        return new ControlMessage(type, out.toByteArray());
    }

    /**
     * Reads a message.
     *
     * @param peer names the sender in errors, e.g. {@code taskmanager-1 at 127.0.0.1:51234}
     * @throws ControlPlaneException for an unknown type, an unknown format version, or a body that
     *     is cut short or too long; the message names the peer and the type
     */
    public static ControlPlaneMessage decode(ControlMessage message, String peer) {
        String name = typeName(message.type());
        if (name == null) {
            throw new ControlPlaneException(
                    "unknown control-plane message type "
                            + message.type()
                            + " from "
                            + peer
                            + "; this process knows types "
                            + REGISTER_TASK_MANAGER
                            + " to "
                            + DISCONNECT
                            + " (is the peer a newer Spate?)");
        }
        byte[] body = message.body();
        if (body.length == 0) {
            throw new ControlPlaneException("empty " + name + " message from " + peer);
        }
        int version = body[0] & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new ControlPlaneException(
                    name
                            + " message of format version "
                            + version
                            + " from "
                            + peer
                            + "; this process reads version "
                            + FORMAT_VERSION);
        }
        MemoryDataInput in = new MemoryDataInput(body, 1, body.length - 1);
        ControlPlaneMessage decoded;
        try {
            decoded = read(message.type(), in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ControlPlaneException(
                    "malformed " + name + " message from " + peer + ": " + e.getMessage(), e);
        }
        if (in.remaining() != 0) {
            throw new ControlPlaneException(
                    "malformed "
                            + name
                            + " message from "
                            + peer
                            + ": "
                            + in.remaining()
                            + " unexpected bytes after its fields");
        }
        return decoded;
    }

    private static ControlPlaneMessage read(int type, DataInputView in) throws IOException {
        return switch (type) {
            case REGISTER_TASK_MANAGER ->
                    new RegisterTaskManager(
                            new TaskManagerId(in.readString()),
                            in.readString(),
                            in.readVarInt(),
                            new ResourceProfile(in.readVarInt(), in.readVarLong()));
            case REGISTRATION_ACK ->
                    new RegistrationAck(
                            new TaskManagerId(in.readString()), in.readVarLong(), in.readVarLong());
            case REGISTRATION_REFUSAL -> new RegistrationRefusal(in.readString());
            case HEARTBEAT -> new Heartbeat(in.readVarLong());
            case DISCONNECT -> new Disconnect(in.readString());
            default -> throw new IllegalStateException("unreachable: type " + type);
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case REGISTER_TASK_MANAGER -> "RegisterTaskManager";
            case REGISTRATION_ACK -> "RegistrationAck";
            case REGISTRATION_REFUSAL -> "RegistrationRefusal";
            case HEARTBEAT -> "Heartbeat";
            case DISCONNECT -> "Disconnect";
            default -> null;
        };
    }
}

package io.spate.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.spate.annotations.Internal;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The wire format: every byte on a Spate connection belongs to a frame.
 *
 * <pre>
 *  0        4        5        6            10           14
 *  +--------+--------+--------+------------+------------+-------------------+
 *  | magic  |version |  type  | channel id |   length   | payload (length)  |
 *  | "SPAT" |  u8    |  u8    |   int32    |   int32    |                   |
 *  +--------+--------+--------+------------+------------+-------------------+
 * </pre>
 *
 * All integers are big-endian. The first 6 bytes (magic, version, type) keep their meaning in every
 * version, and so do the type codes of HELLO, HELLO_ACK and REJECT, so that two processes of
 * different versions can still tell each other so. A receiver refuses a frame whose magic is wrong
 * (not a Spate peer), whose type is unknown, or whose length is negative or above its {@code
 * network.max-frame-size}; it then closes the connection.
 *
 * <p>Payloads by {@link FrameType}: HELLO = name (u16 length + UTF-8), token (u16 length + UTF-8,
 * length 0 for none); HELLO_ACK = name; REJECT = reason (UTF-8, the rest of the payload);
 * OPEN_CHANNEL and CLOSE_CHANNEL = empty; CREDIT = int32 frames granted; DATA = the caller's bytes;
 * CONTROL = int32 message type + the caller's bytes (channel id 0).
 */
@Internal
public final class Frames {
    /** "SPAT" in ASCII. */
    public static final int MAGIC = 0x53504154;

    /** The version of the protocol this build speaks. */
    public static final int PROTOCOL_VERSION = 1;

    public static final int HEADER_SIZE = 14;

    static final int MAX_NAME = 256;
    static final int MAX_TOKEN = 1024;

    private Frames() {}

    static ByteBuf header(
            ByteBufAllocator alloc, int version, FrameType type, int channel, int len) {
        ByteBuf header = alloc.buffer(HEADER_SIZE);
        header.writeInt(MAGIC);
        header.writeByte(version);
        header.writeByte(type.code());
        header.writeInt(channel);
        header.writeInt(len);
        return header;
    }

    static void writeString(ByteBuf out, String s, int max) {
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException("longer than " + max + " bytes: " + s);
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    static String readString(ByteBuf in, int max, String what) {
        if (in.readableBytes() < 2) {
            throw new NetworkException("truncated " + what);
        }
        int len = in.readUnsignedShort();
        if (len > max || len > in.readableBytes()) {
            throw new NetworkException("malformed " + what + " of " + len + " bytes");
        }
        return in.readCharSequence(len, StandardCharsets.UTF_8).toString();
    }

    /** A peer's address as people write it: {@code 127.0.0.1:PORT}. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host =
                    inet.getAddress() != null
                            ? inet.getAddress().getHostAddress()
                            : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}

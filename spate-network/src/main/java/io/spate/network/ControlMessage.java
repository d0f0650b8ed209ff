package io.spate.network;

import io.spate.annotations.Public;
import java.util.Objects;

/**
 * A control-plane message: a type id the caller defines and a body the caller serialized. The
 * transport reads neither; in particular it never applies Java's native serialization.
 *
 * @param type the caller's message type id
 * @param body the serialized message; the transport takes ownership of the array
 */
@Public
public record ControlMessage(int type, byte[] body) {
    public ControlMessage {
        Objects.requireNonNull(body, "body");
    }
}

package io.spate.network;

import io.spate.annotations.Internal;

/** The kinds of frames; the codes are part of the wire format (see {@link Frames}). */
@Internal
public enum FrameType {
    HELLO(1),
    HELLO_ACK(2),
    REJECT(3),
    OPEN_CHANNEL(4),
    DATA(5),
    CREDIT(6),
    CLOSE_CHANNEL(7),
    CONTROL(8);

    private static final FrameType[] BY_CODE = new FrameType[9];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or {@code null} when there is none. */
    static FrameType of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

package io.spate.runtime.exchange;

import io.spate.annotations.Internal;

/**
 * Something other than records that travels in-band through an exchange, in order with the records
 * around it: the end of a producer's output (and later watermarks and checkpoint barriers).
 */
@Internal
public abstract class ControlEvent {

    /** The producer has sent everything; nothing follows on this channel. */
    public static final ControlEvent END_OF_INPUT =
            new ControlEvent() {
                @Override
                public String toString() {
                    return "EndOfInput";
                }
            };

    /** The producer's stream holds back event time again. */
    public static final ControlEvent ACTIVE =
            new ControlEvent() {
                @Override
                public String toString() {
                    return "Active";
                }
            };

    /** The producer's stream is idle: leave it out of the minimum of watermarks. */
    public static final ControlEvent IDLE =
            new ControlEvent() {
                @Override
                public String toString() {
                    return "Idle";
                }
            };

    /** A watermark from one producer. */
    public static final class Watermark extends ControlEvent {
        private final long timestamp;

        public Watermark(long timestamp) {
            this.timestamp = timestamp;
        }

        public long timestamp() {
            return timestamp;
        }

        @Override
        public String toString() {
            return "Watermark(" + timestamp + ")";
        }
    }
}

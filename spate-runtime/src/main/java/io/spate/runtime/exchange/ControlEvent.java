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

    /**
     * Checkpoint barrier {@code checkpointId}: everything before it on this channel belongs to the
     * checkpoint, everything after to the next one.
     */
    public static final class Barrier extends ControlEvent {
        private final long checkpointId;
        private final long timestamp;
        private final String directory;
        private final boolean savepoint;
        private final boolean endOfData;

        /**
         * @param directory where the subtasks write their state for this checkpoint
         * @param endOfData the final checkpoint of a job whose sources are all exhausted: after it,
         *     inputs end, and tasks finish once it is complete
         */
        public Barrier(
                long checkpointId,
                long timestamp,
                String directory,
                boolean savepoint,
                boolean endOfData) {
            this.checkpointId = checkpointId;
            this.timestamp = timestamp;
            this.directory = directory;
            this.savepoint = savepoint;
            this.endOfData = endOfData;
        }

        public long checkpointId() {
            return checkpointId;
        }

        public long timestamp() {
            return timestamp;
        }

        public String directory() {
            return directory;
        }

        public boolean isSavepoint() {
            return savepoint;
        }

        public boolean isEndOfData() {
            return endOfData;
        }

        @Override
        public String toString() {
            return "Barrier(" + checkpointId + (endOfData ? ", end of data" : "") + ")";
        }
    }

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

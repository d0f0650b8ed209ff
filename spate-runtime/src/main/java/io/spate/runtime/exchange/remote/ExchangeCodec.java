package io.spate.runtime.exchange.remote;

import io.spate.common.JobId;
import io.spate.common.io.MemoryDataInput;
import io.spate.common.io.MemoryDataOutput;
import io.spate.common.serialization.TypeSerializer;
import io.spate.network.NetworkOptions;
import io.spate.runtime.exchange.ChannelId;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.RecordBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Turns the items of a channel into frame payloads and back, and the binding of a channel into a
 * control message body; the format is described in {@link NetworkExchange}.
 */
final class ExchangeCodec {
    /** The control message type that binds a connection's channel number to a {@link ChannelId}. */
    static final int BIND_CHANNEL = 0x5350_4301;

    static final byte BATCH = 1;
    static final byte END_OF_INPUT = 2;
    static final byte IDLE = 3;
    static final byte ACTIVE = 4;
    static final byte WATERMARK = 5;
    static final byte BARRIER = 6;

    /** Kind byte and record count. */
    private static final int BATCH_HEADER = 5;

    private ExchangeCodec() {}

    /** What a producer tells the consumer's process before it opens channel {@code number}. */
    record Binding(ChannelId id, int number, String producerAddress) {}

    static byte[] encodeBinding(Binding binding) {
        MemoryDataOutput out = new MemoryDataOutput(64);
        ChannelId id = binding.id();
        out.writeLong(id.jobId().high());
        out.writeLong(id.jobId().low());
        out.writeInt(id.attempt());
        out.writeInt(id.edgeId());
        out.writeInt(id.producer());
        out.writeInt(id.consumer());
        out.writeInt(binding.number());
        out.writeUTF(binding.producerAddress());
        return out.toByteArray();
    }

    static Binding decodeBinding(byte[] body) throws IOException {
        MemoryDataInput in = new MemoryDataInput(body);
        JobId jobId = new JobId(in.readLong(), in.readLong());
        ChannelId id = new ChannelId(jobId, in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int number = in.readInt();
        String producerAddress = in.readUTF();
        return new Binding(id, number, producerAddress);
    }

    /**
     * Encodes one item into one or more frame payloads, appended to {@code frames}; only a batch
     * that does not fit one frame takes several, each of whole records.
     *
     * @param out scratch space, reused across calls
     * @throws IllegalArgumentException when a single record does not fit a frame of {@code
     *     maxFrameSize} bytes
     */
    static void encode(
            Object item,
            TypeSerializer<Object> serializer,
            int maxFrameSize,
            MemoryDataOutput out,
            ArrayDeque<byte[]> frames) {
        out.clear();
        if (item instanceof RecordBatch batch) {
            encodeBatch(batch, serializer, maxFrameSize, out, frames);
            return;
        }
        if (item == ControlEvent.END_OF_INPUT) {
            out.writeByte(END_OF_INPUT);
        } else if (item == ControlEvent.IDLE) {
            out.writeByte(IDLE);
        } else if (item == ControlEvent.ACTIVE) {
            out.writeByte(ACTIVE);
        } else if (item instanceof ControlEvent.Watermark w) {
            out.writeByte(WATERMARK);
            out.writeLong(w.timestamp());
        } else if (item instanceof ControlEvent.Barrier b) {
            out.writeByte(BARRIER);
            out.writeLong(b.checkpointId());
            out.writeLong(b.timestamp());
            out.writeBoolean(b.directory() != null);
            if (b.directory() != null) {
                out.writeString(b.directory());
            }
            out.writeBoolean(b.isSavepoint());
            out.writeBoolean(b.isEndOfData());
        } else {
            throw new IllegalArgumentException(
                    "a channel carries record batches and control events, not "
                            + (item == null ? "null" : item.getClass().getName()));
        }
        frames.add(out.toByteArray());
    }

    private static void encodeBatch(
            RecordBatch batch,
            TypeSerializer<Object> serializer,
            int maxFrameSize,
            MemoryDataOutput out,
            ArrayDeque<byte[]> frames) {
        out.writeByte(BATCH);
        out.writeInt(0);
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
            int mark = out.size();
            out.writeLong(batch.timestamp(i));
            serialize(serializer, batch.record(i), out);
            if (out.size() > maxFrameSize) {
                if (count == 0) {
                    throw recordTooLarge(out.size() - mark, maxFrameSize);
                }
                frames.add(finishBatch(out, mark, count));
                // the record that did not fit starts the next frame
                byte[] tail = Arrays.copyOfRange(out.buffer(), mark, out.size());
                out.clear();
                out.writeByte(BATCH);
                out.writeInt(0);
                out.write(tail);
                count = 0;
                if (out.size() > maxFrameSize) {
                    throw recordTooLarge(tail.length, maxFrameSize);
                }
            }
            count++;
        }
        frames.add(finishBatch(out, out.size(), count));
    }

    private static byte[] finishBatch(MemoryDataOutput out, int length, int count) {
        byte[] frame = Arrays.copyOf(out.buffer(), length);
        frame[1] = (byte) (count >>> 24);
        frame[2] = (byte) (count >>> 16);
        frame[3] = (byte) (count >>> 8);
        frame[4] = (byte) count;
        return frame;
    }

    private static IllegalArgumentException recordTooLarge(int recordBytes, int maxFrameSize) {
        return new IllegalArgumentException(
                "a record of "
                        + recordBytes
                        + " bytes (serialized, with its 8-byte timestamp) does not fit in a frame:"
                        + " with the "
                        + BATCH_HEADER
                        + "-byte batch header it exceeds the maximum frame size of "
                        + maxFrameSize
                        + " bytes; raise "
                        + NetworkOptions.MAX_FRAME_SIZE.key()
                        + " on every process");
    }

    private static void serialize(
            TypeSerializer<Object> serializer, Object record, MemoryDataOutput out) {
        try {
            serializer.serialize(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a record with " + serializer, e);
        }
    }

    /** Decodes one frame payload into a {@link RecordBatch} or a {@link ControlEvent}. */
    static Object decode(MemoryDataInput in, TypeSerializer<Object> serializer) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case BATCH -> {
                int count = in.readInt();
                RecordBatch batch = new RecordBatch(count);
                for (int i = 0; i < count; i++) {
                    long timestamp = in.readLong();
                    batch.add(serializer.deserialize(in), timestamp);
                }
                return batch;
            }
            case END_OF_INPUT -> {
                return ControlEvent.END_OF_INPUT;
            }
            case IDLE -> {
                return ControlEvent.IDLE;
            }
            case ACTIVE -> {
                return ControlEvent.ACTIVE;
            }
            case WATERMARK -> {
                return new ControlEvent.Watermark(in.readLong());
            }
            case BARRIER -> {
                long checkpointId = in.readLong();
                long timestamp = in.readLong();
                String directory = in.readBoolean() ? in.readString() : null;
                boolean savepoint = in.readBoolean();
                boolean endOfData = in.readBoolean();
                return new ControlEvent.Barrier(
                        checkpointId, timestamp, directory, savepoint, endOfData);
            }
            default -> throw new IOException("unknown item kind " + kind + " in a frame");
        }
    }
}

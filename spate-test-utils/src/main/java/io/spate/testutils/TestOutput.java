package io.spate.testutils;

import io.spate.annotations.NotThreadSafe;
import io.spate.annotations.Public;
import io.spate.api.connector.sink.DiscardingSink;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.common.concurrent.SpscArrayQueue;
import io.spate.core.operators.Output;
import io.spate.core.operators.StreamElements;
import io.spate.core.operators.WatermarkStatus;
import io.spate.core.plan.JobVertex;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.RecordBatch;
import io.spate.runtime.task.WatermarkValve;
import java.util.ArrayList;
import java.util.List;

/**
 * What arrived on a stream captured by {@link PipelineTestDriver#capture}: its records with their
 * timestamps, in the order the driver saw them, and its event time as an operator reading the
 * stream would see it — the minimum watermark over the subtasks that produce the stream and are not
 * idle.
 *
 * <p>Records of one producing subtask keep their order; records of different subtasks interleave as
 * the driver ran them, the same way every time. Reading starts the pipeline if it has not started.
 *
 * @param <T> the record type
 */
@Public
@NotThreadSafe
public final class TestOutput<T> {
    /**
     * A captured record.
     *
     * @param value the record
     * @param timestamp its event time, or {@code null} when it has none
     */
    public record Record<T>(T value, Long timestamp) {}

    private final PipelineTestDriver driver;
    private final String name;
    private final int transformationId;
    private final List<Record<T>> records = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;
    private boolean idle;
    private List<SpscArrayQueue<Object>> channels = List.of();
    private boolean[] channelEnded;
    private int endedChannels;
    private WatermarkValve valve;

    TestOutput(PipelineTestDriver driver, DataStream<T> stream, String name) {
        this.driver = driver;
        this.name = name;
        // All producing subtasks into one sink subtask that never runs: the driver reads its
        // channels instead.
        DataStreamSink<T> sink = stream.global().sinkTo(new DiscardingSink<>());
        sink.name(name).setParallelism(1);
        this.transformationId = sink.getTransformation().getId();
    }

    /** The captured values, in order. */
    public List<T> values() {
        driver.startIfBuilding();
        List<T> values = new ArrayList<>(records.size());
        for (Record<T> r : records) {
            values.add(r.value());
        }
        return values;
    }

    /** The captured records with their timestamps, in order. */
    public List<Record<T>> records() {
        driver.startIfBuilding();
        return List.copyOf(records);
    }

    /** Every watermark the stream's readers would have reached, in order (each one higher). */
    public List<Long> watermarks() {
        driver.startIfBuilding();
        return List.copyOf(watermarks);
    }

    /** The stream's current watermark; {@code Long.MIN_VALUE} before the first. */
    public long currentWatermark() {
        driver.startIfBuilding();
        return watermark;
    }

    /** Whether every subtask producing the stream is idle. */
    public boolean isIdle() {
        driver.startIfBuilding();
        return idle;
    }

    /** Whether every subtask producing the stream has finished. */
    public boolean hasEnded() {
        driver.startIfBuilding();
        return channelEnded != null && endedChannels == channelEnded.length;
    }

    /** Forgets the records and watermarks captured so far (the current watermark stays). */
    public void clear() {
        records.clear();
        watermarks.clear();
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ for the driver

    int transformationId() {
        return transformationId;
    }

    void connect(JobVertex vertex, Wiring wiring) {
        channels = wiring.channelsInto(vertex, 0);
        channelEnded = new boolean[channels.size()];
        valve = new WatermarkValve(channels.size(), new ValveOutput());
    }

    /** Takes everything waiting in the channels; returns whether there was anything. */
    @SuppressWarnings("unchecked")
    boolean drain() {
        boolean took = false;
        for (int c = 0; c < channels.size(); c++) {
            SpscArrayQueue<Object> channel = channels.get(c);
            for (Object item = channel.poll(); item != null; item = channel.poll()) {
                took = true;
                if (item instanceof RecordBatch) {
                    RecordBatch batch = (RecordBatch) item;
                    for (int i = 0; i < batch.size(); i++) {
                        records.add(
                                new Record<>(
                                        (T) batch.record(i),
                                        StreamElements.userTimestamp(batch.timestamp(i))));
                    }
                } else if (item instanceof ControlEvent.Watermark) {
                    valve.onWatermark(c, ((ControlEvent.Watermark) item).timestamp());
                } else if (item == ControlEvent.IDLE) {
                    valve.onIdle(c);
                } else if (item == ControlEvent.ACTIVE) {
                    valve.onActive(c);
                } else if (item == ControlEvent.END_OF_INPUT) {
                    channelEnded[c] = true;
                    endedChannels++;
                    valve.onEnd(c);
                }
            }
        }
        return took;
    }

    /** Where the valve reports the stream's event time. */
    private final class ValveOutput implements Output<Object> {
        @Override
        public void collect(Object record, long timestamp) {
            throw new UnsupportedOperationException("a valve emits no records");
        }

        @Override
        public void emitWatermark(long newWatermark) {
            watermark = newWatermark;
            watermarks.add(newWatermark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            idle = status == WatermarkStatus.IDLE;
        }
    }
}

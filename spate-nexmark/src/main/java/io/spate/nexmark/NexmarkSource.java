package io.spate.nexmark;

import io.spate.annotations.Public;
import io.spate.api.common.eventtime.WatermarkStrategy;
import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic Nexmark events (SPEC) as a bounded, parallel, replayable source:
 *
 * <pre>{@code
 * DataStream<Event> events =
 *         env.fromSource(
 *                 new NexmarkSource(GeneratorConfig.oracleProfile()),
 *                 NexmarkSource.watermarks(),
 *                 "Nexmark");
 * }</pre>
 *
 * <p><b>Splits.</b> One {@link NexmarkSplit} per subtask, strided as SPEC §1.4 prescribes: split
 * {@code k} of {@code p} emits the events {@code k, k+p, k+2p, ...}, in that order, so that the
 * subtasks move through event time together. A checkpoint records each split's next index; after a
 * failure the reader resumes there, and since an event is a pure function of its index, the replay
 * is exactly the events that followed. The multiset of events is the same at any parallelism.
 *
 * <p><b>Event time.</b> Each event is emitted with its {@code dateTime} as timestamp. {@link
 * #watermarks()} adds the SPEC's watermarks, per split: the highest event time seen minus 4 s.
 *
 * <p><b>Two rates.</b> The data set's {@link GeneratorConfig#eventsPerSecond() eventsPerSecond} is
 * a rate of <em>event time</em>: how far apart the events' timestamps are. How fast the source
 * emits in wall-clock time is separate: unthrottled by default (as fast as the job takes them), or
 * at most {@link #withWallClockRate} events per second of wall time over all subtasks.
 */
@Public
public final class NexmarkSource implements Source<Event, NexmarkSplit> {
    private static final long serialVersionUID = 1L;

    /** The type of the stream, for {@code env.fromSource(source, strategy, name, TYPE)}. */
    public static final TypeInfo<Event> TYPE = TypeInfo.of(Event.class);

    private final GeneratorConfig config;
    private final double wallClockRate;

    /** The events of {@code config}, emitted as fast as the job takes them. */
    public NexmarkSource(GeneratorConfig config) {
        this(config, 0);
    }

    private NexmarkSource(GeneratorConfig config, double wallClockRate) {
        this.config = Objects.requireNonNull(config, "config");
        if (!(wallClockRate >= 0) || Double.isInfinite(wallClockRate)) {
            throw new IllegalArgumentException(
                    "The wall-clock rate must be a positive number of events per second, or 0 for"
                            + " no limit; was "
                            + wallClockRate);
        }
        this.wallClockRate = wallClockRate;
    }

    /**
     * The same source, emitting at most {@code eventsPerWallSecond} events per second of wall-clock
     * time over all its subtasks; 0 removes the limit. This throttles the emission only: the events
     * and their timestamps stay those of the {@link GeneratorConfig}, whose {@code eventsPerSecond}
     * is a rate of event time.
     */
    public NexmarkSource withWallClockRate(double eventsPerWallSecond) {
        return new NexmarkSource(config, eventsPerWallSecond);
    }

    public GeneratorConfig config() {
        return config;
    }

    /** Events per second of wall-clock time over all subtasks, or 0 when unthrottled. */
    public double wallClockRate() {
        return wallClockRate;
    }

    /**
     * The watermarks of SPEC §1.4: timestamps from each event's {@code dateTime}, and per split a
     * watermark 4 s behind the highest event time seen ({@link NexmarkWatermarks}).
     */
    public static WatermarkStrategy<Event> watermarks() {
        return WatermarkStrategy.<Event>forGenerator(NexmarkWatermarks::new)
                .withTimestampAssigner((event, timestamp) -> event.dateTime());
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** One strided split per subtask. */
    @Override
    public List<NexmarkSplit> createSplits(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, was " + parallelism);
        }
        List<NexmarkSplit> splits = new ArrayList<>(parallelism);
        for (int k = 0; k < parallelism; k++) {
            splits.add(NexmarkSplit.of(k, parallelism, config.numEvents()));
        }
        return splits;
    }

    @Override
    public SourceReader<Event, NexmarkSplit> createReader(SourceReaderContext context) {
        return new NexmarkReader(new NexmarkGenerator(config), wallClockRate, context.getClock());
    }

    @Override
    public String toString() {
        return "NexmarkSource("
                + config
                + (wallClockRate > 0 ? ", " + wallClockRate + " events per wall-clock second" : "")
                + ")";
    }
}

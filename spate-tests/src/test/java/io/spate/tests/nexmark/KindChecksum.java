package io.spate.tests.nexmark;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.nexmark.checksum.EventLines;
import io.spate.nexmark.checksum.RowHash;
import io.spate.nexmark.checksum.RowHasher;
import io.spate.nexmark.generator.GeneratorConfig;
import io.spate.nexmark.generator.NexmarkGenerator;
import io.spate.nexmark.model.Auction;
import io.spate.nexmark.model.Event;
import io.spate.nexmark.model.Person;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per kind of event (the key: P, A or B), in keyed state: how many events, the sum of their row
 * hashes (the generator checksum of SPEC §5 restricted to the kind), how many arrived late (at or
 * below the watermark), and the latest event (highest time, then highest hash). The latest event is
 * kept as an {@link Event}, so checkpoints write it with the serializer of the sealed type. One
 * line per kind at the end of event time: {@code kind,count,checksum,late,latestHash}.
 */
final class KindChecksum extends KeyedProcessFunction<String, Event, String> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;
    private transient ValueState<Long> late;
    private transient ValueState<Event> latest;
    private transient RowHasher hasher;

    /** The key: the first letter of the event's canonical line. */
    static String kind(Event event) {
        return event instanceof Person ? "P" : event instanceof Auction ? "A" : "B";
    }

    @Override
    public void open(OpenContext ctx) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        late = getRuntimeContext().getState(new ValueStateDescriptor<>("late", Types.LONG));
        latest =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("latest", Types.of(Event.class)));
        hasher = new RowHasher();
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) throws Exception {
        Long n = count.value();
        if (n == null) {
            n = 0L;
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        count.update(n + 1);
        long hash = EventLines.hash(event, hasher);
        Long s = sum.value();
        sum.update((s == null ? 0 : s) + hash);
        if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
            Long l = late.value();
            late.update(l == null ? 1 : l + 1);
        }
        Event previous = latest.value();
        if (previous == null || isLater(event, hash, previous)) {
            latest.update(event);
        }
    }

    private boolean isLater(Event event, long hash, Event than) {
        if (event.dateTime() != than.dateTime()) {
            return event.dateTime() > than.dateTime();
        }
        return Long.compareUnsigned(hash, EventLines.hash(than, hasher)) > 0;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
            throws Exception {
        Long l = late.value();
        out.collect(
                line(
                        ctx.getCurrentKey(),
                        count.value(),
                        sum.value(),
                        l == null ? 0 : l,
                        EventLines.hash(latest.value(), hasher)));
    }

    static String line(String kind, long count, long sum, long late, long latestHash) {
        return kind
                + ","
                + count
                + ","
                + RowHash.hex(sum)
                + ","
                + late
                + ","
                + RowHash.hex(latestHash);
    }

    /** The lines a job over {@code config}'s events must produce, by kind, computed directly. */
    static Map<String, String> expected(GeneratorConfig config) {
        NexmarkGenerator generator = new NexmarkGenerator(config);
        RowHasher hasher = new RowHasher();
        Map<String, long[]> perKind = new TreeMap<>();
        for (long e = 0; e < config.numEvents(); e++) {
            Event event = generator.event(e);
            long hash = EventLines.hash(event, hasher);
            long[] k = perKind.computeIfAbsent(kind(event), x -> new long[4]);
            k[0]++;
            k[1] += hash;
            if (k[0] == 1
                    || event.dateTime() > k[2]
                    || (event.dateTime() == k[2] && Long.compareUnsigned(hash, k[3]) > 0)) {
                k[2] = event.dateTime();
                k[3] = hash;
            }
        }
        Map<String, String> lines = new TreeMap<>();
        perKind.forEach((kind, k) -> lines.put(kind, line(kind, k[0], k[1], 0, k[3])));
        return lines;
    }

    /** The sum of the checksums in {@code lines}: the generator checksum of the whole data set. */
    static String total(Iterable<String> lines) {
        long sum = 0;
        for (String line : lines) {
            sum += Long.parseUnsignedLong(line.split(",")[2], 16);
        }
        return RowHash.hex(sum);
    }
}

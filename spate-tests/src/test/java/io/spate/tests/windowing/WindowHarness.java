package io.spate.tests.windowing;

import io.spate.api.common.typeinfo.TypeInfo;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.OutputTag;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.testutils.OperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A harness around one window operator named {@value #OP}, with its counters at hand: the
 * operator's state entries (sampled at each watermark, so also right after the final one) and its
 * dropped late records.
 */
final class WindowHarness<IN, OUT> implements AutoCloseable {
    static final String OP = "w";

    final OperatorTestHarness<IN, OUT> h;
    private int taken;

    private WindowHarness(OperatorTestHarness<IN, OUT> h) {
        this.h = h;
    }

    /** {@code code} must end with the window operator; it is named {@value #OP} here. */
    static <IN, OUT> WindowHarness<IN, OUT> of(
            TypeInfo<IN> type,
            Function<DataStream<IN>, SingleOutputStreamOperator<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        return new WindowHarness<>(
                OperatorTestHarness.of(type, s -> code.apply(s).name(OP), sideOutputs));
    }

    /** {@link #of}, restored from {@code snapshot}. */
    static <IN, OUT> WindowHarness<IN, OUT> restore(
            OperatorTestHarness.Snapshot snapshot,
            TypeInfo<IN> type,
            Function<DataStream<IN>, SingleOutputStreamOperator<OUT>> code,
            OutputTag<?>... sideOutputs)
            throws Exception {
        return new WindowHarness<>(
                OperatorTestHarness.restore(
                        snapshot, type, s -> code.apply(s).name(OP), sideOutputs));
    }

    void element(IN value, long timestamp) throws Exception {
        h.processElement(value, timestamp);
    }

    void watermark(long watermark) throws Exception {
        h.processWatermark(watermark);
    }

    /** The values emitted since the last take. Side outputs are kept. */
    List<OUT> take() {
        List<OUT> all = h.getOutputValues();
        List<OUT> out = new ArrayList<>(all.subList(taken, all.size()));
        taken = all.size();
        return out;
    }

    /** The records emitted since the last take, as "value@timestamp". */
    List<String> takeWithTimestamps() {
        List<OperatorTestHarness.Record<OUT>> all = h.getOutput();
        List<String> out = new ArrayList<>();
        for (OperatorTestHarness.Record<OUT> r : all.subList(taken, all.size())) {
            out.add(r.value() + "@" + r.timestamp());
        }
        taken = all.size();
        return out;
    }

    /** Keyed state entries (key, window or key) of the operator after the latest watermark. */
    long stateEntries() {
        return counter("windowStateEntries");
    }

    /** The most state entries sampled at a watermark so far. */
    long stateEntriesPeak() {
        return counter("windowStateEntriesPeak");
    }

    long droppedLateRecords() {
        return counter("numLateRecordsDropped");
    }

    private long counter(String name) {
        Map<String, Long> all = h.metrics().snapshot();
        Long v = all.get(OP + "." + name);
        if (v == null) {
            throw new AssertionError("No counter " + OP + "." + name + " in " + all.keySet());
        }
        return v;
    }

    @Override
    public void close() throws Exception {
        h.close();
    }
}

package io.spate.tests;

import io.spate.api.common.typeinfo.Types;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SinkWriterContext;
import io.spate.api.connector.source.lib.DataGeneratorSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.execution.JobExecutionResult;
import io.spate.runtime.task.StreamTasklet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Run by {@link BackpressureIT} in a JVM of its own with a small heap: pushes many records from a
 * fast source into a deliberately slow sink and prints what happened.
 */
public final class BackpressureJob {
    private BackpressureJob() {}

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(new DataGeneratorSource<>(i -> i, records, Types.LONG), "Fast source")
                .map(i -> i * 31)
                .keyBy(i -> i & 1023)
                .sinkTo(new SlowSink())
                .name("Slow sink");
        JobExecutionResult result = env.execute("backpressure");
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(
                "RESULT records="
                        + result.getCounter("Slow sink.numRecordsIn")
                        + " pendingBatchesMax="
                        + result.getCounter(StreamTasklet.PENDING_BATCHES_MAX)
                        + " peakHeapBytes="
                        + peakHeap
                        + " maxHeapBytes="
                        + Runtime.getRuntime().maxMemory());
    }

    /** Spends a few hundred nanoseconds of CPU on every record: far slower than the source. */
    static final class SlowSink implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Long> createWriter(SinkWriterContext context) {
            return new SinkWriter<>() {
                private long sink;

                @Override
                public void write(Long value, Context ctx) {
                    long x = value | 1;
                    for (int i = 0; i < 400; i++) {
                        x ^= x << 13;
                        x ^= x >>> 7;
                        x ^= x << 17;
                    }
                    sink += x;
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {
                    if (sink == 42) {
                        System.out.println("(unlikely)");
                    }
                }
            };
        }
    }
}

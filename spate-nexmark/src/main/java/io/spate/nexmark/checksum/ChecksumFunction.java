package io.spate.nexmark.checksum;

import io.spate.api.common.functions.Collector;
import io.spate.api.common.functions.Counter;
import io.spate.api.common.functions.OpenContext;
import io.spate.api.common.state.CheckpointedFunction;
import io.spate.api.common.state.FunctionInitializationContext;
import io.spate.api.common.state.FunctionSnapshotContext;
import io.spate.api.common.state.ListState;
import io.spate.api.common.state.ListStateDescriptor;
import io.spate.api.functions.ProcessFunction;
import io.spate.nexmark.queries.ResultRow;

/**
 * Computes a query's output checksum (SPEC §7.3) — the number of rows and the sum of their row
 * hashes modulo 2^64, retractions subtracted — as checkpointed operator state, so that the result
 * is right across failures and restarts: a restarted subtask resumes from the totals of the
 * checkpoint it restarted from, and the records replayed after it are counted once.
 *
 * <p>The totals of all subtasks add up (the sum is commutative), so they are reported through two
 * counters, {@value #ROWS} and {@value #CHECKSUM}, that the job's result sums over the subtasks of
 * the final attempt: each subtask adds what it restored when it starts, then every row. Emits
 * nothing.
 */
public final class ChecksumFunction extends ProcessFunction<ResultRow, Void>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    /** The counter of rows: inserted minus retracted. */
    public static final String ROWS = "nexmark.rows";

    /** The counter of the checksum: the sum of row hashes modulo 2^64, as a signed long. */
    public static final String CHECKSUM = "nexmark.checksum";

    private transient long rows;
    private transient long checksum;
    private transient ListState<long[]> saved;
    private transient Counter rowCounter;
    private transient Counter checksumCounter;
    private transient StringBuilder line;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        saved =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("checksum", long[].class));
        Iterable<long[]> restored = saved.get();
        if (restored != null) {
            for (long[] totals : restored) {
                rows += totals[0];
                checksum += totals[1];
            }
        }
    }

    @Override
    public void open(OpenContext context) {
        rowCounter = getRuntimeContext().getCounter(ROWS);
        checksumCounter = getRuntimeContext().getCounter(CHECKSUM);
        rowCounter.inc(rows);
        checksumCounter.inc(checksum);
        line = new StringBuilder(256);
    }

    @Override
    public void processElement(ResultRow row, Context ctx, Collector<Void> out) {
        line.setLength(0);
        row.render(line);
        long hash = RowHash.of(line);
        if (row.isRetraction()) {
            rows--;
            checksum -= hash;
            rowCounter.inc(-1);
            checksumCounter.inc(-hash);
        } else {
            rows++;
            checksum += hash;
            rowCounter.inc(1);
            checksumCounter.inc(hash);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        saved.update(java.util.List.of(new long[] {rows, checksum}));
    }
}

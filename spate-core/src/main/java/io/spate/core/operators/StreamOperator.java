package io.spate.core.operators;

import io.spate.annotations.Internal;

/**
 * One step of a fused chain: receives elements, emits to its {@link Output}.
 *
 * <p>Life cycle, all on the thread that owns the subtask (never two at once):
 *
 * <pre>
 *   setup ──► open ──► ( processElement | processWatermark )* ──► endInput ──► close
 *                 └──────────────── (failure or cancellation) ──────────────────┘
 * </pre>
 *
 * {@code close} is called whenever {@code open} was called, also after a failure; {@code endInput}
 * only when the input really ended (a bounded job). An exception from any method fails the subtask;
 * the runtime reports it with the operator's name and subtask index.
 *
 * <p>An operator never blocks. One that cannot accept more input for now (a sink whose destination
 * is slow) says so with {@link #isBackpressured()}, and the runtime stops feeding it until it no
 * longer is.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@Internal
public interface StreamOperator<IN, OUT> {

    /** Gives the operator its context and output; called once, before {@link #open}. */
    void setup(OperatorContext context, Output<OUT> output);

    /**
     * Restores the operator's own state (operator state, timers) — called once after {@link #setup}
     * and before {@link #open}, also on a fresh start ({@link OperatorStateRestore#NONE}). The
     * keyed state backend is already restored.
     */
    default void initializeState(OperatorStateRestore restore) throws Exception {}

    /**
     * The synchronous part of a checkpoint, between two records: captures what the operator must
     * save besides its keyed state backend. What it returns is written later on another thread.
     */
    default OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        return OperatorSnapshot.EMPTY;
    }

    /** Checkpoint {@code checkpointId} completed: every subtask's state is stored. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Checkpoint {@code checkpointId} was given up. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    /** Prepares the operator and opens user functions. */
    void open() throws Exception;

    void processElement(IN value, long timestamp) throws Exception;

    /** Handles a watermark; the default forwards it. */
    default void processWatermark(long watermark) throws Exception {
        output().emitWatermark(watermark);
    }

    /** No more input will come; the operator may emit its final results. */
    default void endInput() throws Exception {}

    /**
     * Whether the operator wants no more input right now. After {@link #endInput}, the runtime asks
     * until the answer is {@code false} before it considers the operator finished.
     */
    default boolean isBackpressured() throws Exception {
        return false;
    }

    /** Releases resources and closes user functions. */
    void close() throws Exception;

    /** The output given in {@link #setup}. */
    Output<OUT> output();
}

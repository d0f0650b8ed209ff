package io.spate.runtime.task;

import io.spate.annotations.Internal;
import io.spate.annotations.NotThreadSafe;
import io.spate.api.execution.CheckpointingOptions;
import io.spate.core.checkpoint.KeyGroupedPart;
import io.spate.core.checkpoint.StateFiles;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.runtime.exchange.ControlEvent;
import io.spate.runtime.exchange.RecordWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A subtask's side of checkpointing (ADR 0003): barrier alignment over its input channels, the
 * synchronous capture of its chain's state, the asynchronous write on the snapshot I/O thread and
 * the acknowledgement; and the messages the JobManager sends it (trigger at a source, complete,
 * aborted), which arrive from other threads through a queue that the subtask's thread drains
 * between batches.
 */
@Internal
@NotThreadSafe
final class SubtaskCheckpoints {
    private final TaskDeployment deployment;
    private final TaskEnvironment env;
    private final boolean enabled;
    private final ConcurrentLinkedQueue<Object> control = new ConcurrentLinkedQueue<>();

    private OperatorChain chain;
    private List<RecordWriter> writers;

    /** Runs before each write; throws when a storage failure is injected. */
    private IoCheck storageCheck = () -> {};

    @FunctionalInterface
    private interface IoCheck {
        void run() throws java.io.IOException;
    }

    /** Alignment: which channels delivered the barrier being aligned. */
    private boolean[] blocked = new boolean[0];

    private boolean[] ended = new boolean[0];
    private ControlEvent.Barrier aligning;
    private int alignedChannels;

    /** The final checkpoint this subtask took part in, or -1. */
    private long finalCheckpoint = -1;

    private boolean finalCheckpointComplete;

    private record Trigger(ControlEvent.Barrier barrier) {}

    private record Complete(long checkpointId) {}

    private record Aborted(long checkpointId) {}

    /** The I/O thread is done with a capture; its release must happen on the task thread. */
    private record Release(List<OperatorChain.CapturedOperator> captured) {}

    SubtaskCheckpoints(TaskDeployment deployment, TaskEnvironment env) {
        this.deployment = deployment;
        this.env = env;
        this.enabled =
                deployment.jobGraph().configuration().get(CheckpointingOptions.INTERVAL) != null;
    }

    void attach(OperatorChain chain, List<RecordWriter> writers, int inputChannels) {
        this.chain = chain;
        this.writers = writers;
        FailureInjection failures = chain.failureInjection();
        this.storageCheck = failures::onCheckpointWrite;
        this.blocked = new boolean[inputChannels];
        this.ended = new boolean[inputChannels];
    }

    /** Whether the job takes checkpoints: sources then wait for the final one at their end. */
    boolean isEnabled() {
        return enabled;
    }

    // ---------------------------------------------------------------- from other threads

    /** Starts checkpoint {@code barrier} at this source subtask. */
    void trigger(ControlEvent.Barrier barrier) {
        control.add(new Trigger(barrier));
    }

    void notifyComplete(long checkpointId) {
        control.add(new Complete(checkpointId));
    }

    void notifyAborted(long checkpointId) {
        control.add(new Aborted(checkpointId));
    }

    // ---------------------------------------------------------------- on the subtask's thread

    /**
     * Handles the messages that arrived; returns the barrier of a trigger to run at this source (at
     * most one per call), or null.
     */
    ControlEvent.Barrier drainControl() {
        for (Object m; (m = control.peek()) != null; ) {
            if (m instanceof Trigger) {
                control.poll();
                return ((Trigger) m).barrier();
            }
            control.poll();
            if (m instanceof Complete) {
                long id = ((Complete) m).checkpointId();
                chain.notifyCheckpointComplete(id);
                if (id >= finalCheckpoint && finalCheckpoint >= 0) {
                    finalCheckpointComplete = true;
                }
            } else if (m instanceof Aborted) {
                chain.notifyCheckpointAborted(((Aborted) m).checkpointId());
            } else if (m instanceof Release) {
                release(((Release) m).captured());
            }
        }
        return null;
    }

    /** Whether the subtask must not read channel {@code i} now (it is aligned, waiting). */
    boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /**
     * A barrier arrived on {@code channel}. Returns true when it completed the alignment, after the
     * snapshot was taken and the barrier forwarded.
     */
    boolean onBarrier(int channel, ControlEvent.Barrier barrier) {
        if (aligning == null) {
            aligning = barrier;
            alignedChannels = countEnded();
        } else if (aligning.checkpointId() != barrier.checkpointId()) {
            throw new IllegalStateException(
                    "Barrier "
                            + barrier.checkpointId()
                            + " arrived while aligning "
                            + aligning.checkpointId()
                            + " on "
                            + deployment.taskName());
        }
        blocked[channel] = true;
        alignedChannels++;
        return completeAlignmentIfDone();
    }

    /** Channel {@code channel} ended: it counts as aligned from now on. */
    boolean onChannelEnded(int channel) {
        ended[channel] = true;
        if (aligning != null && !blocked[channel]) {
            alignedChannels++;
            return completeAlignmentIfDone();
        }
        return false;
    }

    private int countEnded() {
        int n = 0;
        for (boolean e : ended) {
            n += e ? 1 : 0;
        }
        return n;
    }

    private boolean completeAlignmentIfDone() {
        if (alignedChannels < blocked.length) {
            return false;
        }
        ControlEvent.Barrier barrier = aligning;
        aligning = null;
        alignedChannels = 0;
        java.util.Arrays.fill(blocked, false);
        snapshotAndForward(barrier);
        return true;
    }

    /**
     * Captures the chain's state for {@code barrier}, forwards the barrier behind the records
     * emitted so far, and hands the writing to the I/O thread.
     */
    void snapshotAndForward(ControlEvent.Barrier barrier) {
        if (barrier.isEndOfData()) {
            finalCheckpoint = barrier.checkpointId();
        }
        List<OperatorChain.CapturedOperator> captured;
        try {
            captured = chain.captureSnapshot(barrier.checkpointId(), barrier.timestamp());
        } catch (RuntimeException e) {
            env.checkpoints().decline(deployment, barrier.checkpointId(), e);
            throw e;
        }
        for (RecordWriter w : writers) {
            w.broadcastEvent(barrier);
        }
        env.snapshotIo().execute(() -> write(barrier, captured));
    }

    /** On the I/O thread: writes every operator's file and acknowledges. */
    private void write(
            ControlEvent.Barrier barrier, List<OperatorChain.CapturedOperator> captured) {
        Map<String, SubtaskStateHandle> handles = new HashMap<>();
        try {
            Path directory = Path.of(barrier.directory());
            Files.createDirectories(directory);
            for (OperatorChain.CapturedOperator op : captured) {
                if (op.isEmpty()) {
                    continue;
                }
                String file = fileName(op.spec().operatorId(), deployment.subtaskIndex());
                List<KeyGroupedPart> parts = op.keyedParts();
                handles.put(
                        op.spec().operatorId(),
                        StateFiles.write(
                                directory,
                                file,
                                deployment.subtaskIndex(),
                                op.keyGroups(),
                                parts,
                                op.operatorState()));
            }
        } catch (Exception | Error e) {
            // Also on an Error (an OutOfMemoryError while serializing a large state, say): the
            // checkpoint is declined, not left to time out, and the captured state is released so
            // that copy-on-write stops copying.
            control.add(new Release(captured));
            env.checkpoints().decline(deployment, barrier.checkpointId(), e);
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            return;
        }
        control.add(new Release(captured));
        env.checkpoints().acknowledge(deployment, barrier.checkpointId(), handles);
    }

    private static void release(List<OperatorChain.CapturedOperator> captured) {
        for (OperatorChain.CapturedOperator op : captured) {
            if (op.keyedState() != null) {
                op.keyedState().release();
            }
        }
    }

    /** A file name for an operator id (which may hold any character) and a subtask. */
    static String fileName(String operatorId, int subtask) {
        String safe = operatorId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe
                + "-"
                + Integer.toHexString(operatorId.hashCode()).toLowerCase(Locale.ROOT)
                + "-"
                + subtask
                + ".state";
    }

    /**
     * Whether the subtask may finish: when it took part in the job's final checkpoint, only once
     * that checkpoint is complete (so that sinks have committed).
     */
    boolean mayFinish() {
        return finalCheckpoint < 0 || finalCheckpointComplete;
    }
}

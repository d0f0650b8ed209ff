package io.spate.cluster.jobmaster;

import io.spate.cluster.gateway.ResourceManagerGateway;
import io.spate.cluster.gateway.TaskExecutorGateway;
import io.spate.cluster.rpc.MainThreadExecutor;
import io.spate.common.JobId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Knows the TaskExecutors and their slots, and hands slots to jobs. Runs on the JobManager's main
 * thread.
 */
public final class ResourceManager implements ResourceManagerGateway {
    private final MainThreadExecutor mainThread;
    private final Map<String, Registered> taskExecutors = new LinkedHashMap<>();

    /**
     * A slot given to a job: which TaskExecutor, reached through which gateway, and the address of
     * its process's exchange (null when it runs in this process).
     */
    public record Slot(
            String taskExecutorId, TaskExecutorGateway gateway, String exchangeAddress) {}

    private static final class Registered {
        final TaskExecutorGateway gateway;
        final int slots;
        final String exchangeAddress;
        final Map<JobId, Integer> used = new LinkedHashMap<>();

        Registered(TaskExecutorGateway gateway, int slots, String exchangeAddress) {
            this.gateway = gateway;
            this.slots = slots;
            this.exchangeAddress = exchangeAddress;
        }

        int free() {
            return slots - used.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public ResourceManager(MainThreadExecutor mainThread) {
        this.mainThread = mainThread;
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(
            String taskExecutorId, int slots, TaskExecutorGateway gateway) {
        return registerTaskExecutor(taskExecutorId, slots, gateway, null);
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(
            String taskExecutorId, int slots, TaskExecutorGateway gateway, String exchangeAddress) {
        mainThread.assertMainThread();
        taskExecutors.put(taskExecutorId, new Registered(gateway, slots, exchangeAddress));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterTaskExecutor(String taskExecutorId) {
        mainThread.assertMainThread();
        taskExecutors.remove(taskExecutorId);
        return CompletableFuture.completedFuture(null);
    }

    /** Whether every one of {@code slots} is on a TaskExecutor that is still registered. */
    public boolean allRegistered(List<Slot> slots) {
        mainThread.assertMainThread();
        for (Slot slot : slots) {
            Registered r = taskExecutors.get(slot.taskExecutorId());
            if (r == null || r.gateway != slot.gateway()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes {@code count} slots for a job, spread evenly over the TaskExecutors.
     *
     * @throws NotEnoughSlotsException when the cluster has fewer free slots
     */
    public List<Slot> allocate(JobId jobId, int count) {
        mainThread.assertMainThread();
        int free = taskExecutors.values().stream().mapToInt(Registered::free).sum();
        if (free < count) {
            int total = taskExecutors.values().stream().mapToInt(r -> r.slots).sum();
            throw new NotEnoughSlotsException(
                    "The job needs "
                            + count
                            + " task slots (its highest parallelism), but the cluster has "
                            + free
                            + " free of "
                            + total
                            + " on "
                            + taskExecutors.size()
                            + " TaskExecutor(s). Lower the parallelism or add slots"
                            + " (taskmanager.numberOfTaskSlots).");
        }
        List<Slot> slots = new ArrayList<>(count);
        while (slots.size() < count) {
            for (Map.Entry<String, Registered> e : taskExecutors.entrySet()) {
                Registered r = e.getValue();
                if (slots.size() < count && r.free() > 0) {
                    r.used.merge(jobId, 1, Integer::sum);
                    slots.add(new Slot(e.getKey(), r.gateway, r.exchangeAddress));
                }
            }
        }
        return slots;
    }

    /** Gives back every slot of a job. */
    public void release(JobId jobId) {
        mainThread.assertMainThread();
        for (Registered r : taskExecutors.values()) {
            r.used.remove(jobId);
        }
    }

    public int registeredTaskExecutors() {
        return taskExecutors.size();
    }

    /** The cluster cannot give a job the slots it needs. */
    public static final class NotEnoughSlotsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotEnoughSlotsException(String message) {
            super(message);
        }
    }
}

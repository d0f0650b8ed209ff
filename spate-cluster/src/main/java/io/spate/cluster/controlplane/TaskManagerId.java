package io.spate.cluster.controlplane;

import java.util.Objects;
import java.util.UUID;

/** Names one TaskManager process for as long as it runs, across reconnects. */
public record TaskManagerId(String value) {
    public TaskManagerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a TaskManager id must not be blank");
        }
    }

    /** A fresh id, {@code taskmanager-} and 8 random hex digits. */
    public static TaskManagerId generate() {
        return new TaskManagerId("taskmanager-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}

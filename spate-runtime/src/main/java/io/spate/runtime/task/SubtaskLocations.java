package io.spate.runtime.task;

import io.spate.annotations.Internal;
import java.util.List;
import java.util.Map;

/**
 * Where every subtask of a job's run is: per vertex id, the exchange address ({@code host:port}) of
 * the process of each subtask, by subtask index. A subtask reaches a peer at its own address
 * ({@code self}) through in-memory channels and any other peer through the {@code RemoteExchange}.
 * {@link #LOCAL} says that the whole run is in this process.
 *
 * @param self the exchange address of the process this deployment goes to, or null for {@link
 *     #LOCAL}
 */
@Internal
public record SubtaskLocations(String self, Map<Integer, List<String>> vertices) {

    /** Every subtask in this process (the embedded engine). */
    public static final SubtaskLocations LOCAL = new SubtaskLocations(null, Map.of());

    public SubtaskLocations {
        vertices = Map.copyOf(vertices);
        vertices.values().forEach(List::copyOf);
    }

    /**
     * The address of the process of subtask {@code subtask} of vertex {@code vertexId}, or null
     * when it runs in this process.
     */
    public String remoteAddressOf(int vertexId, int subtask) {
        if (self == null) {
            return null;
        }
        List<String> addresses = vertices.get(vertexId);
        if (addresses == null || subtask >= addresses.size()) {
            throw new IllegalArgumentException(
                    "No location for subtask " + subtask + " of vertex " + vertexId);
        }
        String address = addresses.get(subtask);
        return address.equals(self) ? null : address;
    }
}

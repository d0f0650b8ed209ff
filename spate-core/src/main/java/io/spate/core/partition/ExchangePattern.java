package io.spate.core.partition;

import io.spate.annotations.Internal;
import io.spate.api.graph.PartitionSpec;

/**
 * Which downstream subtasks each upstream subtask of an exchange is connected to. Producers and
 * consumers both derive their channels from here, so they agree on how many channels there are and
 * hence on when every input has ended.
 */
@Internal
public final class ExchangePattern {
    private ExchangePattern() {}

    /** The downstream subtasks upstream subtask {@code index} sends to, in channel order. */
    public static int[] targets(PartitionSpec.Kind kind, int index, int upstream, int downstream) {
        switch (kind) {
            case FORWARD:
                if (upstream != downstream) {
                    throw new IllegalArgumentException(
                            "forward needs equal parallelism, got "
                                    + upstream
                                    + " and "
                                    + downstream);
                }
                return new int[] {index};
            case RESCALE:
                if (downstream >= upstream) {
                    int from = index * downstream / upstream;
                    int to = (index + 1) * downstream / upstream;
                    int[] t = new int[to - from];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = from + i;
                    }
                    return t;
                }
                return new int[] {index * downstream / upstream};
            case GLOBAL:
                return new int[] {0};
            default:
                int[] all = new int[downstream];
                for (int i = 0; i < downstream; i++) {
                    all[i] = i;
                }
                return all;
        }
    }

    /** The upstream subtasks that send to downstream subtask {@code index}, in order. */
    public static int[] sources(PartitionSpec.Kind kind, int index, int upstream, int downstream) {
        int count = 0;
        int[] found = new int[upstream];
        for (int u = 0; u < upstream; u++) {
            for (int t : targets(kind, u, upstream, downstream)) {
                if (t == index) {
                    found[count++] = u;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }
}

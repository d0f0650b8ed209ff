package io.spate.core.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.graph.PartitionSpec.Kind;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangePatternTest {
    private static final int MAX = 8;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void targetsAndSourcesDescribeTheSameConnections(Kind kind) {
        for (int up = 1; up <= MAX; up++) {
            for (int down = 1; down <= MAX; down++) {
                if (kind == Kind.FORWARD && up != down) {
                    continue;
                }
                boolean[][] connected = new boolean[up][down];
                for (int u = 0; u < up; u++) {
                    int[] targets = ExchangePattern.targets(kind, u, up, down);
                    assertStrictlyIncreasingWithin(
                            targets, down, kind, up, down, "targets of " + u);
                    for (int t : targets) {
                        connected[u][t] = true;
                    }
                }
                for (int d = 0; d < down; d++) {
                    int[] sources = ExchangePattern.sources(kind, d, up, down);
                    assertStrictlyIncreasingWithin(sources, up, kind, up, down, "sources of " + d);
                    for (int u = 0; u < up; u++) {
                        int upstream = u;
                        boolean listed = IntStream.of(sources).anyMatch(s -> s == upstream);
                        assertThat(listed)
                                .as("%s %d->%d: %d in sources of %d", kind, up, down, u, d)
                                .isEqualTo(connected[u][d]);
                    }
                    boolean needsInput = kind != Kind.GLOBAL || d == 0;
                    assertThat(sources.length > 0)
                            .as("%s %d->%d: subtask %d has an input", kind, up, down, d)
                            .isEqualTo(needsInput);
                }
                for (int u = 0; u < up; u++) {
                    assertThat(ExchangePattern.targets(kind, u, up, down))
                            .as("%s %d->%d: upstream %d sends somewhere", kind, up, down, u)
                            .isNotEmpty();
                }
            }
        }
    }

    private static void assertStrictlyIncreasingWithin(
            int[] channels, int bound, Kind kind, int up, int down, String what) {
        for (int i = 0; i < channels.length; i++) {
            assertThat(channels[i])
                    .as("%s %d->%d: %s", kind, up, down, what)
                    .isBetween(0, bound - 1);
            if (i > 0) {
                assertThat(channels[i])
                        .as("%s %d->%d: %s in order", kind, up, down, what)
                        .isGreaterThan(channels[i - 1]);
            }
        }
    }

    @Test
    void forwardConnectsSubtaskIToSubtaskIAndNeedsEqualParallelism() {
        assertThat(ExchangePattern.targets(Kind.FORWARD, 2, 4, 4)).containsExactly(2);
        assertThat(ExchangePattern.sources(Kind.FORWARD, 3, 4, 4)).containsExactly(3);
        assertThatThrownBy(() -> ExchangePattern.targets(Kind.FORWARD, 0, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 3");
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"REBALANCE", "BROADCAST", "SHUFFLE", "KEY_GROUPS", "CUSTOM"})
    void allToAllKindsConnectEveryPair(Kind kind) {
        assertThat(ExchangePattern.targets(kind, 1, 3, 4)).containsExactly(0, 1, 2, 3);
        assertThat(ExchangePattern.sources(kind, 2, 3, 4)).containsExactly(0, 1, 2);
    }

    @Test
    void globalSendsEverythingToSubtaskZero() {
        assertThat(ExchangePattern.targets(Kind.GLOBAL, 2, 3, 5)).containsExactly(0);
        assertThat(ExchangePattern.sources(Kind.GLOBAL, 0, 3, 5)).containsExactly(0, 1, 2);
        assertThat(ExchangePattern.sources(Kind.GLOBAL, 4, 3, 5)).isEmpty();
    }

    @Test
    void rescaleConnectsLocalGroups() {
        // Fan out: 2 -> 6, each upstream subtask feeds its own block of three.
        assertThat(ExchangePattern.targets(Kind.RESCALE, 0, 2, 6)).containsExactly(0, 1, 2);
        assertThat(ExchangePattern.targets(Kind.RESCALE, 1, 2, 6)).containsExactly(3, 4, 5);
        assertThat(ExchangePattern.sources(Kind.RESCALE, 4, 2, 6)).containsExactly(1);
        // Fan in: 6 -> 2, each upstream subtask feeds exactly one downstream subtask.
        assertThat(ExchangePattern.targets(Kind.RESCALE, 2, 6, 2)).containsExactly(0);
        assertThat(ExchangePattern.targets(Kind.RESCALE, 3, 6, 2)).containsExactly(1);
        assertThat(ExchangePattern.sources(Kind.RESCALE, 1, 6, 2)).containsExactly(3, 4, 5);

        // Every pair of parallelisms: each connection exists once, max(up, down) channels in all.
        for (int up = 1; up <= MAX; up++) {
            for (int down = 1; down <= MAX; down++) {
                int channels = 0;
                for (int u = 0; u < up; u++) {
                    channels += ExchangePattern.targets(Kind.RESCALE, u, up, down).length;
                }
                assertThat(channels).as("rescale %d->%d", up, down).isEqualTo(Math.max(up, down));
            }
        }
    }
}

package io.spate.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGroupsTest {

    /**
     * Checks that the ranges of all subtasks of {@code parallelism} tile {@code [0, max)} in order,
     * are balanced, and agree with {@link KeyGroups#subtaskOf} for every key group.
     */
    private static void assertRangesPartitionTheKeyGroups(int max, int parallelism) {
        int expectedStart = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int i = 0; i < parallelism; i++) {
            KeyGroupRange range = KeyGroups.rangeOf(i, max, parallelism);
            if (range.start() != expectedStart) {
                throw new AssertionError(
                        "max "
                                + max
                                + ", parallelism "
                                + parallelism
                                + ": subtask "
                                + i
                                + " starts at "
                                + range.start()
                                + ", expected "
                                + expectedStart);
            }
            if (range.size() < 1) {
                throw new AssertionError(
                        "max "
                                + max
                                + ", parallelism "
                                + parallelism
                                + ": subtask "
                                + i
                                + " owns no key group");
            }
            for (int kg = range.start(); kg <= range.end(); kg++) {
                int owner = KeyGroups.subtaskOf(kg, max, parallelism);
                if (owner != i) {
                    throw new AssertionError(
                            "max "
                                    + max
                                    + ", parallelism "
                                    + parallelism
                                    + ": key group "
                                    + kg
                                    + " is in the range of subtask "
                                    + i
                                    + " but subtaskOf says "
                                    + owner);
                }
            }
            smallest = Math.min(smallest, range.size());
            largest = Math.max(largest, range.size());
            expectedStart = range.end() + 1;
        }
        assertThat(expectedStart)
                .as("max %d, parallelism %d: covered", max, parallelism)
                .isEqualTo(max);
        assertThat(largest - smallest)
                .as("max %d, parallelism %d: balance", max, parallelism)
                .isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 10, 64, 127, 128, 129, 1000})
    void everyParallelismUpToMaxTilesTheKeyGroupsContiguously(int max) {
        for (int p = 1; p <= max; p++) {
            assertRangesPartitionTheKeyGroups(max, p);
        }
    }

    @Test
    void theLargestMaxParallelismTilesToo() {
        int max = KeyGroups.UPPER_BOUND_MAX_PARALLELISM;
        for (int p : new int[] {1, 2, 3, 5, 128, 1000, 12345, max - 1, max}) {
            assertRangesPartitionTheKeyGroups(max, p);
        }
    }

    @Test
    void subtaskOfTheKeyGroupOfAKeyOwnsThatKeyGroup() {
        qt().forAll(
                        strings().basicLatinAlphabet().ofLengthBetween(0, 12),
                        integers().between(1, 4096),
                        integers().between(0, 4095))
                .checkAssert(
                        (key, max, anyP) -> {
                            int p = 1 + anyP % max;
                            int kg = KeyGroups.keyGroupOf(key, max);
                            assertThat(kg).isBetween(0, max - 1);
                            int subtask = KeyGroups.subtaskOf(kg, max, p);
                            assertThat(subtask).isBetween(0, p - 1);
                            assertThat(KeyGroups.rangeOf(subtask, max, p).contains(kg)).isTrue();
                        });
    }

    @Test
    void everyHashCodeMapsIntoRange() {
        qt().forAll(integers().all(), integers().between(1, 1 << 15))
                .checkAssert(
                        (hash, max) ->
                                assertThat(KeyGroups.keyGroupOfHash(hash, max))
                                        .isBetween(0, max - 1));
        assertThat(KeyGroups.keyGroupOfHash(Integer.MIN_VALUE, 128)).isBetween(0, 127);
        assertThat(KeyGroups.keyGroupOfHash(Integer.MAX_VALUE, 128)).isBetween(0, 127);
    }

    /**
     * Snapshots are organised by key group, so the mapping of keys to key groups must never change
     * between releases: these values are pinned.
     */
    @Test
    void keyGroupsOfKeysArePinned() {
        assertThat(KeyGroups.keyGroupOf("a", 128)).isEqualTo(81);
        assertThat(KeyGroups.keyGroupOf("hello", 128)).isEqualTo(35);
        assertThat(KeyGroups.keyGroupOf("spate", 128)).isEqualTo(31);
        assertThat(KeyGroups.keyGroupOf(0, 128)).isEqualTo(94);
        assertThat(KeyGroups.keyGroupOf(42, 128)).isEqualTo(99);
        assertThat(KeyGroups.keyGroupOf(-1, 128)).isEqualTo(80);
        assertThat(KeyGroups.keyGroupOf("hello", 1000)).isEqualTo(179);
        assertThat(KeyGroups.keyGroupOf(-1, 1000)).isEqualTo(648);
        // Equal hash codes, equal key groups, whatever the type.
        assertThat(KeyGroups.keyGroupOf(Long.MAX_VALUE, 1000))
                .isEqualTo(KeyGroups.keyGroupOf(Integer.MIN_VALUE, 1000));
    }

    @Test
    void sequentialKeysSpreadEvenlyOverKeyGroups() {
        int max = 128;
        int keys = 128_000;
        int[] counts = new int[max];
        for (int k = 0; k < keys; k++) {
            counts[KeyGroups.keyGroupOf(k, max)]++;
        }
        int mean = keys / max;
        for (int kg = 0; kg < max; kg++) {
            assertThat(counts[kg]).as("keys in key group %d", kg).isBetween(mean / 2, mean * 3 / 2);
        }
    }

    @Test
    void aNullKeyIsRefusedClearly() {
        assertThatThrownBy(() -> KeyGroups.keyGroupOf(null, 128))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key must not be null");
    }

    @Test
    void aParallelismAboveTheMaxIsRefused() {
        assertThatThrownBy(() -> KeyGroups.rangeOf(0, 4, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism 5")
                .hasMessageContaining("max parallelism 4");
    }

    @Test
    void defaultMaxParallelismIs128UpToParallelism128ThenOneAndAHalfTimesRoundedUp() {
        assertThat(KeyGroups.DEFAULT_MAX_PARALLELISM).isEqualTo(128);
        assertThat(KeyGroups.defaultMaxParallelism(1)).isEqualTo(128);
        assertThat(KeyGroups.defaultMaxParallelism(128)).isEqualTo(128);
        assertThat(KeyGroups.defaultMaxParallelism(129)).isEqualTo(256);
        assertThat(KeyGroups.defaultMaxParallelism(200)).isEqualTo(512);
        assertThat(KeyGroups.defaultMaxParallelism(1000)).isEqualTo(2048);
        assertThat(KeyGroups.defaultMaxParallelism(21_845)).isEqualTo(32_768);
        assertThat(KeyGroups.defaultMaxParallelism(21_846)).isEqualTo(32_768);
        assertThat(KeyGroups.defaultMaxParallelism(32_768)).isEqualTo(32_768);

        for (int p = 1; p <= KeyGroups.UPPER_BOUND_MAX_PARALLELISM; p++) {
            int max = KeyGroups.defaultMaxParallelism(p);
            if (Integer.bitCount(max) != 1
                    || max < p
                    || max < 128
                    || max > KeyGroups.UPPER_BOUND_MAX_PARALLELISM
                    || (max < KeyGroups.UPPER_BOUND_MAX_PARALLELISM
                            && p > 128
                            && max < p + p / 2)) {
                throw new AssertionError("defaultMaxParallelism(" + p + ") = " + max);
            }
        }
    }

    @Test
    void keyGroupRangesDescribeThemselves() {
        KeyGroupRange r = new KeyGroupRange(3, 5);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.contains(2)).isFalse();
        assertThat(r.contains(3)).isTrue();
        assertThat(r.contains(5)).isTrue();
        assertThat(r.contains(6)).isFalse();
        assertThat(r).isEqualTo(new KeyGroupRange(3, 5)).hasSameHashCodeAs(new KeyGroupRange(3, 5));
        assertThat(r).isNotEqualTo(new KeyGroupRange(3, 4));
        assertThat(r).hasToString("KeyGroupRange[3, 5]");

        KeyGroupRange empty = new KeyGroupRange(4, 3);
        assertThat(empty.size()).isZero();
        assertThat(empty.contains(3)).isFalse();
        assertThat(empty.contains(4)).isFalse();

        assertThatThrownBy(() -> new KeyGroupRange(-1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyGroupRange(5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[5, 3]");
    }
}

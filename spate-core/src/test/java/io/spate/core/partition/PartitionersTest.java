package io.spate.core.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.Partitioner;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.graph.PartitionSpec;
import io.spate.api.graph.PartitionSpec.Kind;
import io.spate.core.state.KeyGroups;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartitionersTest {

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"REBALANCE", "RESCALE"})
    void roundRobinStartsAtTheSubtasksOffsetAndCycles(Kind kind) throws Exception {
        for (int channels = 1; channels <= 6; channels++) {
            for (int index = 0; index < 10; index++) {
                StreamPartitioner<Object> p =
                        Partitioners.create(PartitionSpec.of(kind), index, channels, 128);
                for (int i = 0; i < 3 * channels; i++) {
                    assertThat(p.selectChannel("r" + i))
                            .as("%s, subtask %d, %d channels, record %d", kind, index, channels, i)
                            .isEqualTo((index + i) % channels);
                }
            }
        }
    }

    @Test
    void parallelProducersStartAtDifferentChannels() throws Exception {
        Set<Integer> first = new HashSet<>();
        for (int index = 0; index < 4; index++) {
            first.add(
                    Partitioners.create(PartitionSpec.of(Kind.REBALANCE), index, 4, 128)
                            .selectChannel("x"));
        }
        assertThat(first).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"FORWARD", "GLOBAL"})
    void forwardAndGlobalUseTheOnlyChannel(Kind kind) throws Exception {
        StreamPartitioner<Object> p = Partitioners.create(PartitionSpec.of(kind), 3, 1, 128);
        for (int i = 0; i < 5; i++) {
            assertThat(p.selectChannel(i)).isZero();
        }
    }

    @Test
    void broadcastSelectsAllChannels() throws Exception {
        StreamPartitioner<Object> p =
                Partitioners.create(PartitionSpec.of(Kind.BROADCAST), 0, 3, 128);
        assertThat(p.selectChannel("x")).isEqualTo(StreamPartitioner.ALL_CHANNELS);
    }

    @Test
    void shuffleStaysInRangeReachesEveryChannelAndIsRepeatablePerSubtask() throws Exception {
        StreamPartitioner<Object> a =
                Partitioners.create(PartitionSpec.of(Kind.SHUFFLE), 1, 5, 128);
        StreamPartitioner<Object> b =
                Partitioners.create(PartitionSpec.of(Kind.SHUFFLE), 1, 5, 128);
        int[] counts = new int[5];
        for (int i = 0; i < 5000; i++) {
            int c = a.selectChannel(i);
            assertThat(c).isBetween(0, 4);
            assertThat(b.selectChannel(i)).isEqualTo(c);
            counts[c]++;
        }
        for (int c = 0; c < 5; c++) {
            assertThat(counts[c]).as("records on channel %d", c).isBetween(500, 1500);
        }
    }

    @Test
    void byKeyUsesTheKeyGroupOfTheKeyAndItsOwner() throws Exception {
        KeySelector<String, String> firstWord = s -> s.split(" ")[0];
        PartitionSpec spec = PartitionSpec.byKey(firstWord, Types.STRING);
        for (int max : new int[] {7, 128, 1000}) {
            for (int channels = 1; channels <= Math.min(max, 6); channels++) {
                StreamPartitioner<Object> p = Partitioners.create(spec, 0, channels, max);
                for (int i = 0; i < 300; i++) {
                    String key = "key" + i;
                    int kg = KeyGroups.keyGroupOf(key, max);
                    int channel = p.selectChannel(key + " rest of the record");
                    assertThat(channel).isEqualTo(KeyGroups.subtaskOf(kg, max, channels));
                    assertThat(KeyGroups.rangeOf(channel, max, channels).contains(kg)).isTrue();
                }
            }
        }
    }

    @Test
    void byKeyRefusesANullKeyNamingTheRecord() {
        KeySelector<String, String> nothing = s -> null;
        StreamPartitioner<Object> p =
                Partitioners.create(PartitionSpec.byKey(nothing, Types.STRING), 0, 2, 128);
        assertThatThrownBy(() -> p.selectChannel("record-17"))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("record-17")
                .hasMessageContaining("keys must not be null");
    }

    @Test
    void aFailingKeySelectorsExceptionComesThrough() {
        KeySelector<String, String> failing =
                s -> {
                    throw new IOException("cannot read " + s);
                };
        StreamPartitioner<Object> p =
                Partitioners.create(PartitionSpec.byKey(failing, Types.STRING), 0, 2, 128);
        assertThatThrownBy(() -> p.selectChannel("r1"))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read r1");
    }

    @Test
    void customUsesTheUsersChoice() throws Exception {
        Partitioner<Integer> modulo = (key, n) -> key % n;
        KeySelector<Integer, Integer> identity = i -> i;
        StreamPartitioner<Object> p =
                Partitioners.create(PartitionSpec.custom(modulo, identity), 0, 3, 128);
        assertThat(p.selectChannel(0)).isZero();
        assertThat(p.selectChannel(4)).isEqualTo(1);
        assertThat(p.selectChannel(8)).isEqualTo(2);
    }

    @Test
    void aCustomPartitionerOutOfRangeFailsSayingWhatItReturned() {
        Partitioner<Integer> broken = (key, n) -> key;
        KeySelector<Integer, Integer> identity = i -> i;
        StreamPartitioner<Object> p =
                Partitioners.create(PartitionSpec.custom(broken, identity), 0, 3, 128);
        assertThatThrownBy(() -> p.selectChannel(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The custom partitioner returned 3, outside [0, 3) for 3");
        assertThatThrownBy(() -> p.selectChannel(-1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned -1, outside [0, 3)");
    }
}

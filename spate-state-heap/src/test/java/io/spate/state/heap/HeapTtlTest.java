package io.spate.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.state.StateTtlConfig;
import io.spate.api.common.state.ValueState;
import io.spate.api.common.state.ValueStateDescriptor;
import io.spate.api.common.typeinfo.Types;
import io.spate.common.time.ManualClock;
import io.spate.core.checkpoint.StateFiles;
import io.spate.core.checkpoint.SubtaskStateHandle;
import io.spate.core.serialization.SerializerFactory;
import io.spate.core.state.KeyGroupRange;
import io.spate.core.state.KeyedBackendParameters;
import io.spate.core.state.KeyedStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State time-to-live: expired values are never returned, and the state shrinks after expiry. */
class HeapTtlTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 31);
    private final ManualClock clock = new ManualClock(1_000_000);

    private HeapKeyedStateBackend<String> backend() {
        SerializerFactory serializers = new SerializerFactory(Map.of());
        return new HeapKeyedStateBackend<>(
                new KeyedBackendParameters<>(
                        "ttl",
                        ALL,
                        32,
                        serializers.create(Types.STRING),
                        serializers,
                        clock,
                        getClass().getClassLoader()));
    }

    private static ValueStateDescriptor<String> descriptor(StateTtlConfig ttl) {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", Types.STRING);
        d.enableTimeToLive(ttl);
        return d;
    }

    @Test
    void expiredValuesAreNeverReturnedAndTheStateShrinks() throws Exception {
        HeapKeyedStateBackend<String> b = backend();
        ValueState<String> v =
                b.getValueState(
                        descriptor(StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build()));
        for (int k = 0; k < 200; k++) {
            b.setCurrentKey("k" + k);
            v.update("value " + k);
        }
        clock.advance(Duration.ofSeconds(9));
        b.setCurrentKey("k1");
        assertThat(v.value()).isEqualTo("value 1");
        assertThat(b.numberOfEntries()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        for (int k = 0; k < 200; k++) {
            b.setCurrentKey("k" + k);
            assertThat(v.value()).as("key k%d after its time to live", k).isNull();
        }
        assertThat(b.numberOfEntries()).isZero();
    }

    @Test
    void incrementalCleanUpRemovesExpiredValuesThatAreNeverReadAgain() throws Exception {
        HeapKeyedStateBackend<String> b = backend();
        ValueState<String> v =
                b.getValueState(
                        descriptor(
                                StateTtlConfig.newBuilder(Duration.ofSeconds(5))
                                        .cleanupIncrementally(10)
                                        .build()));
        for (int k = 0; k < 500; k++) {
            b.setCurrentKey("old" + k);
            v.update("x");
        }
        clock.advance(Duration.ofSeconds(6));
        // Work on other keys only: the old ones are cleaned up as a side effect.
        for (int i = 0; i < 200; i++) {
            b.setCurrentKey("new" + (i % 3));
            v.update("y");
        }
        assertThat(b.numberOfEntries()).isEqualTo(3);
    }

    @Test
    void updateOnReadKeepsValuesThatAreReadAlive() throws Exception {
        HeapKeyedStateBackend<String> b = backend();
        ValueState<String> v =
                b.getValueState(
                        descriptor(
                                StateTtlConfig.newBuilder(Duration.ofSeconds(10))
                                        .updateTtlOnReadAndWrite()
                                        .disableCleanupInBackground()
                                        .build()));
        b.setCurrentKey("read");
        v.update("a");
        b.setCurrentKey("unread");
        v.update("b");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(6));
            b.setCurrentKey("read");
            assertThat(v.value()).isEqualTo("a");
        }
        b.setCurrentKey("unread");
        assertThat(v.value()).isNull();
    }

    @Test
    void expiredValuesMayBeReturnedUntilCleanedUpWhenAskedFor() throws Exception {
        HeapKeyedStateBackend<String> b = backend();
        ValueState<String> v =
                b.getValueState(
                        descriptor(
                                StateTtlConfig.newBuilder(Duration.ofSeconds(1))
                                        .returnExpiredIfNotCleanedUp()
                                        .disableCleanupInBackground()
                                        .build()));
        b.setCurrentKey("k");
        v.update("stale");
        clock.advance(Duration.ofSeconds(2));
        assertThat(v.value()).isEqualTo("stale");
    }

    @Test
    void snapshotsLeaveExpiredValuesOutAndRestoredValuesKeepTheirAge(@TempDir Path dir)
            throws Exception {
        HeapKeyedStateBackend<String> b = backend();
        ValueStateDescriptor<String> d =
                descriptor(
                        StateTtlConfig.newBuilder(Duration.ofSeconds(10))
                                .disableCleanupInBackground()
                                .build());
        ValueState<String> v = b.getValueState(d);
        b.setCurrentKey("early");
        v.update("e");
        clock.advance(Duration.ofSeconds(6));
        b.setCurrentKey("late");
        v.update("l");
        clock.advance(Duration.ofSeconds(5)); // "early" is now 11 s old, "late" 5 s

        var snapshot = b.snapshot();
        SubtaskStateHandle h = StateFiles.write(dir, "s", 0, ALL, List.of(snapshot), Map.of());
        snapshot.release();

        HeapKeyedStateBackend<String> restored = backend();
        StateFiles.Contents c = StateFiles.read(dir, h);
        for (int kg = ALL.start(); kg <= ALL.end(); kg++) {
            var part = c.keyGroup(kg).get(KeyedStateBackend.SNAPSHOT_PART);
            if (part != null) {
                restored.restoreKeyGroup(kg, part);
            }
        }
        ValueState<String> rv = restored.getValueState(d);
        assertThat(restored.numberOfEntries()).isEqualTo(1);
        restored.setCurrentKey("late");
        assertThat(rv.value()).isEqualTo("l");
        clock.advance(Duration.ofSeconds(5)); // "late" reaches 10 s: it kept its age
        assertThat(rv.value()).isNull();
    }
}

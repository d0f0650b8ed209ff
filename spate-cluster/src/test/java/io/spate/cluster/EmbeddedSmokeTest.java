package io.spate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.functions.KeySelector;
import io.spate.api.common.functions.MapFunction;
import io.spate.api.common.typeinfo.Types;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedSmokeTest {

    @Test
    void sequenceThroughKeyByAndSum() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Long> out = new ArrayList<>();
        var it =
                env.fromSequence(1, 1000)
                        .map((MapFunction<Long, Long>) v -> v % 10)
                        .returns(Types.LONG)
                        .keyBy((KeySelector<Long, Long>) v -> v, Types.LONG)
                        .sum(0)
                        .executeAndCollect();
        while (it.hasNext()) {
            out.add(it.next());
        }
        assertThat(out).hasSize(1000);
    }
}

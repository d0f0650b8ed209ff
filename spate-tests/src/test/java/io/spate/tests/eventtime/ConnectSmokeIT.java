package io.spate.tests.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.co.CoMapFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectSmokeIT {
    @Test
    void coMapSeesBothInputs() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        var numbers = env.fromSequence(1, 100);
        var words = env.fromElements("a", "b", "c");
        List<String> out = numbers.connect(words).map(new Both()).executeAndCollect(1000);
        assertThat(out).hasSize(103).contains("n1", "n100", "wa", "wc");
    }

    static final class Both implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "w" + value;
        }
    }
}

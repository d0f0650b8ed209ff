package io.spate.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTest {

    @Test
    void readsAPortARangeAndAnyFreePort() {
        assertThat(PortRange.parse("8081")).isEqualTo(new PortRange(8081, 8081));
        assertThat(PortRange.parse(" 8081 - 8090 ")).isEqualTo(new PortRange(8081, 8090));
        assertThat(PortRange.parse("0").anyFreePort()).isTrue();
        assertThat(PortRange.parse("8081-8090")).hasToString("8081-8090");
    }

    @Test
    void refusesWhatIsNotAPortRangeNamingTheOption() {
        for (String bad :
                new String[] {"", "http", "80a", "-1", "8090-8081", "0-10", "65536", "1-"}) {
            assertThatThrownBy(() -> PortRange.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("rest.port");
        }
    }
}

package io.spate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** The engine's threads in this JVM: every thread Spate starts has a name beginning "spate-". */
final class EngineThreads {
    private EngineThreads() {}

    static List<String> names() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("spate-"))
                .sorted()
                .toList();
    }

    /** Waits (bounded) until no engine thread is alive: earlier jobs have fully stopped. */
    static void awaitNone() {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(names()).isEmpty());
    }
}

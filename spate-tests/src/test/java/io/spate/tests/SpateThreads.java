package io.spate.tests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** The engine's threads in this JVM: every thread Spate starts has a name beginning "spate-". */
final class SpateThreads {
    private SpateThreads() {}

    static List<String> names() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("spate-"))
                .sorted()
                .toList();
    }

    static long count(String nameContains) {
        return names().stream().filter(n -> n.contains(nameContains)).count();
    }

    /** Waits (bounded) until no engine thread is alive. */
    static void awaitNone() {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(names()).isEmpty());
    }
}

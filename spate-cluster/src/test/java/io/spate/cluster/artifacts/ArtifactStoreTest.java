package io.spate.cluster.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.cluster.artifacts.ArtifactRejectedException.Reason;
import io.spate.common.config.Configuration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    private static final byte[] JAR = "not really a jar".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;

    @Test
    void storesBytesUnderTheirSha256OnceOnly() throws IOException {
        ArtifactStore store = ArtifactStore.in(dir, 1024);
        String id = sha256(JAR);

        assertThat(store.put(id, new ByteArrayInputStream(JAR))).isTrue();
        assertThat(store.put(id, new ByteArrayInputStream(JAR))).isFalse();

        assertThat(store.contains(id)).isTrue();
        assertThat(store.path(id)).isEqualTo(dir.resolve(id + ".jar"));
        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).isEqualTo(JAR);
        }
        assertThat(files()).containsExactly(id + ".jar");
    }

    @Test
    void refusesBytesWhoseSha256IsNotTheirIdAndKeepsNothing() throws IOException {
        ArtifactStore store = ArtifactStore.in(dir, 1024);
        String other = sha256("other".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.put(other, new ByteArrayInputStream(JAR)))
                .isInstanceOfSatisfying(
                        ArtifactRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH))
                .hasMessageContaining(sha256(JAR))
                .hasMessageContaining(other);
        assertThat(store.contains(other)).isFalse();
        assertThat(files()).isEmpty();
    }

    @Test
    void refusesMalformedIds() {
        ArtifactStore store = ArtifactStore.in(dir, 1024);
        for (String id :
                new String[] {
                    "abc",
                    "../" + sha256(JAR).substring(3),
                    null,
                    sha256(JAR).toUpperCase(java.util.Locale.ROOT)
                }) {
            assertThatThrownBy(() -> store.put(id, new ByteArrayInputStream(JAR)))
                    .isInstanceOfSatisfying(
                            ArtifactRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ID))
                    .hasMessageContaining("64 lower-case hex digits");
        }
    }

    @Test
    void refusesJarsLargerThanTheLimit() throws IOException {
        ArtifactStore store = ArtifactStore.in(dir, JAR.length - 1);

        assertThatThrownBy(() -> store.put(sha256(JAR), new ByteArrayInputStream(JAR)))
                .isInstanceOfSatisfying(
                        ArtifactRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("rest.max-artifact-size");
        assertThat(files()).isEmpty();
    }

    @Test
    void aStoreInATemporaryDirectoryDeletesItOnClose() {
        ArtifactStore store = ArtifactStore.open(new Configuration());
        store.put(sha256(JAR), new ByteArrayInputStream(JAR));
        Path directory = store.directory();
        assertThat(directory).isDirectory();

        store.close();

        assertThat(directory).doesNotExist();
    }

    private Stream<String> filesStream() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<String> s = filesStream()) {
            return s.toList();
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ArtifactStore.sha256().digest(bytes));
    }
}

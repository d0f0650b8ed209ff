package io.spate.cluster.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.common.config.Configuration;
import io.spate.core.plan.JobGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphReaderTest {

    @Test
    void readsAGraphWithTheGivenClassLoader() throws IOException {
        JobGraph graph =
                new JobGraph("g", List.of(), List.of(), new ExecutionConfig(), new Configuration());

        JobGraph read = JobGraphReader.read(serialize(graph), getClass().getClassLoader());

        assertThat(read.name()).isEqualTo("g");
    }

    @Test
    void aClassTheLoaderDoesNotFindIsNamedWithTheLikelyCause() throws IOException {
        byte[] bytes = serialize(new UserFunction());
        ClassLoader withoutTests = new ClassLoader(null) {};

        assertThatThrownBy(() -> JobGraphReader.read(bytes, withoutTests))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("class " + UserFunction.class.getName() + " is not found")
                .hasMessageContaining("jar may be missing");
    }

    @Test
    void somethingElseThanAGraphIsRefused() throws IOException {
        byte[] bytes = serialize("a string");

        assertThatThrownBy(() -> JobGraphReader.read(bytes, getClass().getClassLoader()))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("java.lang.String, not a " + JobGraph.class.getName());
    }

    @Test
    void bytesThatAreNoJavaSerializationAreRefused() {
        assertThatThrownBy(
                        () ->
                                JobGraphReader.read(
                                        new byte[] {1, 2, 3}, getClass().getClassLoader()))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageStartingWith("Cannot read the job graph");
    }

    @Test
    void tooDeepAGraphIsRefused() throws IOException {
        Nested deep = null;
        for (int i = 0; i < JobGraphReader.MAX_DEPTH + 10; i++) {
            deep = new Nested(deep);
        }
        byte[] bytes;
        try {
            bytes = serialize(deep);
        } catch (StackOverflowError e) {
            return; // this JVM's stack is too small to write it; nothing to read then
        }
        byte[] graph = bytes;
        assertThatThrownBy(() -> JobGraphReader.read(graph, getClass().getClassLoader()))
                .isInstanceOf(JobSubmissionException.class)
                .hasMessageContaining("exceeds the limits");
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static final class UserFunction implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> state = new ArrayList<>();
    }

    static final class Nested implements Serializable {
        private static final long serialVersionUID = 1L;
        final Nested next;

        Nested(Nested next) {
            this.next = next;
        }
    }
}

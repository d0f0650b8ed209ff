package io.spate.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final StatusLine line =
            new StatusLine(new PrintStream(terminal, true, StandardCharsets.UTF_8));

    @Test
    void showRewritesTheLineInPlaceAndBlanksWhatIsLeftOfALongerOne() {
        line.show("running 10");
        line.show("ok");

        assertThat(written()).isEqualTo("\rrunning 10" + "\rok        ");
    }

    @Test
    void clearBlanksTheLineOnlyWhenSomethingIsShown() {
        line.clear();
        line.show("abc");
        line.clear();
        line.clear();

        assertThat(written()).isEqualTo("\rabc" + "\r   \r");
    }

    @Test
    void guardedOutputTakesTheLineAwayAndRedrawsItAfterEachCompleteLine() {
        // One terminal, as when standard output and standard error both show on it.
        PrintStream out = line.guard(terminal, StandardCharsets.UTF_8);
        line.show("status");

        out.println("result 1");
        out.print("partial ");
        out.println("result 2");

        assertThat(written())
                .isEqualTo(
                        "\rstatus"
                                + "\r      \rresult 1"
                                + System.lineSeparator()
                                + "\rstatus"
                                + "\r      \rpartial result 2"
                                + System.lineSeparator()
                                + "\rstatus");
    }

    @Test
    void guardedOutputWithoutStatusPassesThrough() {
        PrintStream out = line.guard(terminal, StandardCharsets.UTF_8);

        out.println("a");

        assertThat(written()).isEqualTo("a" + System.lineSeparator());
    }

    private String written() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}

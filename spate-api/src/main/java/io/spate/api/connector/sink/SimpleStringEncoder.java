package io.spate.api.connector.sink;

import io.spate.annotations.Public;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes {@code toString()} of each record in UTF-8, followed by a newline. */
@Public
public final class SimpleStringEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(T element, OutputStream out) throws IOException {
        out.write(String.valueOf(element).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}

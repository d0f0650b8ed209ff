package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * The lines of a file whose first byte lies in {@code [offset, end)}. {@code offset} moves forward
 * as the reader goes; {@code lineNumber} is the number (from 1) of the line that starts at {@code
 * offset}, or 0 when unknown (a split that starts mid-file).
 */
@Public
public final class FileRangeSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long offset;
    private final long end;

    public FileRangeSplit(String path, long offset, long end) {
        this.path = path;
        this.offset = offset;
        this.end = end;
    }

    @Override
    public String splitId() {
        return path + ":" + offset + "-" + end;
    }

    public String path() {
        return path;
    }

    public long offset() {
        return offset;
    }

    public long end() {
        return end;
    }

    public FileRangeSplit withOffset(long newOffset) {
        return new FileRangeSplit(path, newOffset, end);
    }

    @Override
    public String toString() {
        return "FileRangeSplit{" + path + " [" + offset + ", " + end + ")}";
    }
}

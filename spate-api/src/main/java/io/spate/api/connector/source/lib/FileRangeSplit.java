package io.spate.api.connector.source.lib;

import io.spate.annotations.Public;
import io.spate.api.connector.source.SourceSplit;
import java.io.Serializable;

/**
 * The lines of a file whose first byte lies in {@code [offset, end)}. {@code offset} moves forward
 * as the reader goes; the split keeps the id it was created with.
 *
 * @param id unique among the source's splits: the file and the range it started as
 * @param path the file
 * @param offset the first byte not yet read
 * @param end one past the last byte a line may start at
 */
@Public
public record FileRangeSplit(String id, String path, long offset, long end)
        implements SourceSplit, Serializable {

    public FileRangeSplit(String path, long offset, long end) {
        this(path + ":" + offset + "-" + end, path, offset, end);
    }

    @Override
    public String splitId() {
        return id;
    }

    public FileRangeSplit withOffset(long newOffset) {
        return new FileRangeSplit(id, path, newOffset, end);
    }
}

package io.spate.nexmark.queries;

import io.spate.annotations.Public;

/**
 * A row of a query's result, rendered canonically (SPEC §7.1) for the checksum: its columns in
 * output order, joined by {@code |}.
 */
@Public
public interface ResultRow {
    /** Appends the canonical rendering to {@code out}. */
    void render(StringBuilder out);

    /**
     * Whether this row retracts an earlier one (an UPDATE_BEFORE or DELETE change of a changelog);
     * it then repeats the retracted row exactly. Append-only queries never retract.
     */
    default boolean isRetraction() {
        return false;
    }

    /** The canonical rendering as a string. */
    default String rendered() {
        StringBuilder out = new StringBuilder(64);
        render(out);
        return out.toString();
    }
}

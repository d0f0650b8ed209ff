package io.spate.api.windowing.assigners;

/** Checks the gaps that dynamic session assigners get from the user's extractor. */
final class DynamicGaps {
    private DynamicGaps() {}

    static <T> long gapOf(SessionWindowTimeGapExtractor<T> extractor, T element) {
        long gap = extractor.extract(element);
        if (gap <= 0) {
            throw new IllegalArgumentException(
                    "The session gap extractor returned "
                            + gap
                            + " for "
                            + element
                            + "; a session gap must be positive");
        }
        return gap;
    }
}

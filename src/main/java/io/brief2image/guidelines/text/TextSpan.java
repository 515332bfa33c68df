package io.brief2image.guidelines.text;

import java.util.List;

/** A half-open character range of a text. */
public record TextSpan(int start, int end) {
    boolean overlaps(int otherStart, int otherEnd) {
        return otherStart < end && start < otherEnd;
    }

    public static boolean anyOverlaps(List<TextSpan> spans, int start, int end) {
        return spans.stream().anyMatch(s -> s.overlaps(start, end));
    }
}

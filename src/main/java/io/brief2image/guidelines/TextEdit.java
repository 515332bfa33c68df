package io.brief2image.guidelines;

/** Replace text[start, end) with replacement. */
record TextEdit(int start, int end, String replacement) {
}

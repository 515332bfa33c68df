package io.brief2image.guidelines.text;

/** Where a known name was found in a text; edits &gt; 0 means it was misspelt. */
public record NameMatch<T>(int start, int end, T owner, int edits) {
    int length() {
        return end - start;
    }
}

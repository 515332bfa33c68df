package io.brief2image.guidelines.text;

/**
 * Where a known name was found in a text; edits &gt; 0 means it was misspelt; ambiguous means the words
 * found are also everyday words ("Swift", "Trump"), so whether a name is meant depends on the context.
 */
public record NameMatch<T>(int start, int end, T owner, int edits, boolean ambiguous) {
    int length() {
        return end - start;
    }
}

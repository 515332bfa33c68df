package io.brief2image.guidelines.text;

/**
 * Replace text[start, end) with replacement.
 *
 * @param language code of the language around the edit, whose determiners decide whether the
 *                 replacement keeps its article; null for the default language
 */
public record TextEdit(int start, int end, String replacement, String language) {
    public TextEdit(int start, int end, String replacement) {
        this(start, end, replacement, null);
    }
}

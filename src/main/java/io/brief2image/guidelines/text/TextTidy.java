package io.brief2image.guidelines.text;

/** Cleans up whitespace and punctuation left behind when phrases are removed or rewritten. */
public final class TextTidy {
    private TextTidy() {
    }

    public static String collapseWhitespace(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    public static String tidy(String s) {
        String t = collapseWhitespace(s);
        t = t.replaceAll("\\s+([,;:.!?])", "$1");
        t = t.replaceAll(",(\\s*,)+", ",");
        t = t.replaceAll("^[\\s,;:.]+", "");
        t = t.replaceAll("[\\s,;:]+$", "");
        return t;
    }
}

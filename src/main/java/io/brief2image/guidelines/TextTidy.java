package io.brief2image.guidelines;

/** Cleans up whitespace and punctuation left behind when phrases are removed or rewritten. */
final class TextTidy {
    private TextTidy() {
    }

    static String collapseWhitespace(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    static String tidy(String s) {
        String t = collapseWhitespace(s);
        t = t.replaceAll("\\s+([,;:.!?])", "$1");
        t = t.replaceAll(",(\\s*,)+", ",");
        t = t.replaceAll("^[\\s,;:.]+", "");
        t = t.replaceAll("[\\s,;:]+$", "");
        return t;
    }
}

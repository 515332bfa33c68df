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

    /**
     * Scripts without spaces glue particles to names ("오바마가"); English words put in a name's place must
     * not be glued to the neighbouring letters.
     */
    public static String spacedFromNeighbours(String text, int start, int end, String replacement) {
        String spaced = replacement;
        if (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start))) {
            spaced = " " + spaced;
        }
        if (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
            spaced = spaced + " ";
        }
        return spaced;
    }
}

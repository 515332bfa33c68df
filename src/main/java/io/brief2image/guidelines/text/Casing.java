package io.brief2image.guidelines.text;

import java.util.Locale;

/** Keeps the capitalisation of replaced words plausible. */
public final class Casing {
    private Casing() {
    }

    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public static boolean atSentenceStart(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    /** Proper-noun replacements are ordinary words: capitalised only where a sentence begins. */
    public static String forPosition(String text, int index, String replacement) {
        return atSentenceStart(text, index) ? capitalize(replacement) : replacement;
    }

    /**
     * A generic word in place of a title: written as the policy spells it (lower case in English, capitalised
     * German nouns), capitalised where a sentence begins, and shouted only if the original was
     * ("The POPE" -> "The RELIGIOUS FIGURE"). "The Queen" is a name-like capital, not a sentence start,
     * so it becomes "The public figure".
     */
    public static String forReplacedWord(String text, int index, String original, String replacement) {
        String letters = original.replaceAll("[^\\p{L}]", "");
        if (letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT))
                && !letters.equals(letters.toLowerCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        return forPosition(text, index, replacement);
    }
}

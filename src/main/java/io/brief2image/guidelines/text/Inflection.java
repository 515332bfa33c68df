package io.brief2image.guidelines.text;

import java.util.List;

/**
 * Case endings in scripts whose languages inflect names: "портрет Путина" names "Путин". A word may
 * carry up to two more letters than the name, only in Cyrillic, and only for names of four letters or more.
 */
final class Inflection {
    private static final int MAX_ENDING = 2;
    private static final int MIN_STEM = 4;

    private Inflection() {
    }

    static boolean isInflectionOf(String word, String name) {
        return word.length() > name.length() && word.length() - name.length() <= MAX_ENDING
                && name.length() >= MIN_STEM && word.startsWith(name) && isCyrillic(name);
    }

    /** The word itself, and for a Cyrillic word its stems without one or two final letters. */
    static List<String> lookupKeys(String word) {
        if (word.length() < MIN_STEM + 1 || !isCyrillic(word)) {
            return List.of(word);
        }
        return word.length() >= MIN_STEM + MAX_ENDING
                ? List.of(word, word.substring(0, word.length() - 1), word.substring(0, word.length() - 2))
                : List.of(word, word.substring(0, word.length() - 1));
    }

    private static boolean isCyrillic(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }
}

package io.brief2image.guidelines.text;

import java.util.Set;

/** Scripts that do not separate words with spaces, where names must be found as substrings. */
final class UnspacedScripts {
    private static final Set<Character.UnicodeScript> SCRIPTS = Set.of(
            Character.UnicodeScript.HANGUL, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI);

    private UnspacedScripts() {
    }

    static boolean containsAny(String s) {
        return s.codePoints().anyMatch(cp -> SCRIPTS.contains(Character.UnicodeScript.of(cp)));
    }
}

package io.brief2image.guidelines.text;

import java.util.Locale;
import java.util.Set;

/** Scripts that do not separate words with spaces, where names must be found as substrings. */
final class UnspacedScripts {
    private static final Set<Character.UnicodeScript> SCRIPTS = Set.of(
            Character.UnicodeScript.HANGUL, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI);
    /** Written between the parts of a name or not: "버락 오바마" / "버락오바마", "バラク・オバマ" / "バラクオバマ". */
    private static final String OPTIONAL_SEPARATORS = "・·･";

    private UnspacedScripts() {
    }

    static boolean containsAny(String s) {
        return s.codePoints().anyMatch(cp -> SCRIPTS.contains(Character.UnicodeScript.of(cp)));
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** A name of exactly two Han characters ("成龙", "北斎"). */
    static boolean isShortHan(String squeezed) {
        return squeezed.codePointCount(0, squeezed.length()) == 2 && squeezed.codePoints().allMatch(UnspacedScripts::isHan);
    }

    /** Below Thai (U+0E00) no letter belongs to an unspaced script: Latin text is skipped at once. */
    static boolean mayStartName(int cp) {
        return cp >= 0x0E00;
    }

    /** The name as compared: lower case, without spaces and optional separators. */
    static String squeezed(String name) {
        StringBuilder sb = new StringBuilder();
        name.toLowerCase(Locale.ROOT).codePoints().filter(cp -> !isOptional(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Where {@code squeezed} ends when it starts at {@code from} in text, skipping optional characters; else -1. */
    static int matchEnd(String text, int from, String squeezed) {
        int i = from;
        int k = 0;
        while (k < squeezed.length()) {
            if (i >= text.length()) {
                return -1;
            }
            int cp = text.codePointAt(i);
            if (k > 0 && isOptional(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int expected = squeezed.codePointAt(k);
            if (Character.toLowerCase(cp) != expected) {
                return -1;
            }
            i += Character.charCount(cp);
            k += Character.charCount(expected);
        }
        return i;
    }

    private static boolean isOptional(int cp) {
        return Character.isWhitespace(cp) || OPTIONAL_SEPARATORS.indexOf(cp) >= 0;
    }
}

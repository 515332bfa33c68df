package io.brief2image.guidelines.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A word of the original text with its position and a folded form (lower case, no accents) for comparing. */
record WordToken(String folded, int start, int end) {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    static List<WordToken> split(String text) {
        List<WordToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                while (i < text.length() && isWordChar(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                tokens.add(new WordToken(fold(text.substring(start, i)), start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    static String fold(String word) {
        if (isPlainAscii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(int cp) {
        // Devanagari and other Indic vowel signs are spacing marks inside a word ("मोदी")
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}

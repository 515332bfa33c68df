package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.UnknownNameData.NameCues;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic words that stand in for a person, in the language of the brief: "a woman", "un hombre",
 * "einer Person" (after "von"), "女性". The script of the name decides first, then the words around it.
 */
final class PersonDescriptions {
    private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{L}+)\\s+$");

    private final NameCues cues;
    private final Set<String> dativeAfter;

    PersonDescriptions(NameCues cues) {
        this.cues = cues;
        this.dativeAfter = UnknownNameIndex.folded(cues.dativeAfter());
    }

    /** The replacement for a person of this gender found at text[start, end), and the language it is in. */
    Description describe(String text, int start, int end, String gender) {
        String language = language(text, text.substring(start, end));
        String key = language;
        String before = wordBefore(text, start);
        if (before != null && cues.descriptions().containsKey(language + ".dative") && dativeAfter.contains(UnknownNameIndex.fold(before))) {
            key = language + ".dative";
        }
        Map<String, String> words = cues.descriptions().getOrDefault(key, cues.descriptions().get("en"));
        return new Description(words.getOrDefault(gender, words.get(UnknownNameIndex.PERSON)), language, before);
    }

    /** French "de une femme" reads "d'une femme": the elided form of the word before, or null. */
    String elided(Description d) {
        String elision = d.wordBefore() == null ? null : cues.elisions().get(UnknownNameIndex.fold(d.wordBefore()));
        boolean vowel = !d.text().isEmpty() && "aeiouhéAEIOUH".indexOf(d.text().charAt(0)) >= 0;
        return elision != null && vowel && d.language().equals("fr") ? elision : null;
    }

    record Description(String text, String language, String wordBefore) {
    }

    private String language(String text, String name) {
        String byScript = byScript(name);
        if (byScript == null) {
            byScript = byScript(text);
        }
        return byScript != null ? byScript : byStopWords(text);
    }

    private static String byScript(String s) {
        boolean han = false;
        for (int cp : s.codePoints().toArray()) {
            switch (Character.UnicodeScript.of(cp)) {
                case HANGUL: return "ko";
                case HIRAGANA, KATAKANA: return "ja";
                case CYRILLIC: return "ru";
                case DEVANAGARI: return "hi";
                case ARABIC: return "ar";
                case HAN: han = true; break;
                default: break;
            }
        }
        return han ? "zh" : null;
    }

    private String byStopWords(String text) {
        List<String> words = LatinNames.words(text).stream().map(w -> UnknownNameIndex.fold(w.text())).toList();
        String best = "en";
        long bestCount = count(words, best);
        for (String language : cues.stopWords().keySet()) {
            long c = count(words, language);
            if (c > bestCount) {
                best = language;
                bestCount = c;
            }
        }
        return best;
    }

    private long count(List<String> words, String language) {
        List<String> stops = cues.stopWords().getOrDefault(language, List.of());
        return words.stream().filter(stops::contains).count();
    }

    private static String wordBefore(String text, int index) {
        Matcher m = WORD_BEFORE.matcher(text.substring(Math.max(0, index - 30), index));
        return m.find() ? m.group(1) : null;
    }
}

package io.brief2image.guidelines.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a plain phrase from the YAML into a forgiving regular expression, so the policy file never has
 * to contain regex syntax: any amount of whitespace between words, hyphen or space interchangeable,
 * any apostrophe style, whole words only, case-insensitive.
 */
public final class PhrasePattern {
    public static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    public static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private PhrasePattern() {
    }

    public static Pattern of(String phrase) {
        return Pattern.compile(regex(phrase), FLAGS);
    }

    public static Pattern anyOf(Collection<String> phrases) {
        return Pattern.compile(alternation(phrases), FLAGS);
    }

    /** Longest first, so "prime minister" wins over "minister" and "without any" over "without". */
    public static String alternation(Collection<String> phrases) {
        if (phrases.isEmpty()) {
            return "(?!)";
        }
        List<String> alternatives = phrases.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(PhrasePattern::regex)
                .toList();
        // Consecutive alternatives that all start with the word-boundary look-behind share one: the
        // engine then tests it once per position instead of once per phrase, which was a fifth of the
        // service's CPU with a few hundred phrases (BENCHMARKS.md, Findings). Order, and so which
        // phrase wins, is unchanged.
        List<String> groups = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String alternative : alternatives) {
            if (alternative.startsWith(NOT_WORD_BEFORE)) {
                run.add(alternative.substring(NOT_WORD_BEFORE.length()));
                continue;
            }
            flush(run, groups);
            groups.add(alternative);
        }
        flush(run, groups);
        return "(?:" + String.join("|", groups) + ")";
    }

    private static void flush(List<String> run, List<String> groups) {
        if (!run.isEmpty()) {
            groups.add(NOT_WORD_BEFORE + "(?:" + String.join("|", run) + ")");
            run.clear();
        }
    }

    static String regex(String phrase) {
        String p = phrase.strip().replaceAll("\\s*,\\s*", ",");
        boolean unspaced = UnspacedScripts.containsAny(p);
        StringBuilder sb = new StringBuilder();
        // scripts written without spaces glue particles to names ("오바마가"), so no word boundary there
        if (!unspaced && !p.isEmpty() && Character.isLetterOrDigit(p.codePointAt(0))) {
            sb.append(NOT_WORD_BEFORE);
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i + 1 < p.length() && Character.isWhitespace(p.charAt(i + 1))) {
                    i++;
                }
                sb.append(unspaced ? "\\s*" : "\\s+");
            } else if (c == ',') {
                sb.append("\\s*,\\s*");
            } else if (c == '-') {
                sb.append("[\\s\\-]?");
            } else if (c == '\'' || c == '’') {
                sb.append("['’]?");
            } else if (c == '.') {
                sb.append("\\.?");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (!unspaced && !p.isEmpty() && Character.isLetterOrDigit(p.codePointBefore(p.length()))) {
            sb.append(NOT_WORD_AFTER);
        }
        return sb.toString();
    }
}

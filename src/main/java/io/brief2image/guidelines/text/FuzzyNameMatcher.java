package io.brief2image.guidelines.text;

import io.brief2image.guidelines.policy.GuidelinePolicy.FuzzyMatching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds names and their misspellings as whole words, comparing word by word so that extra spaces,
 * case and accents do not matter. Names in scripts without spaces are found as substrings instead.
 */
public final class FuzzyNameMatcher<T> {
    private static final Pattern JOINABLE_GAP = Pattern.compile("[\\s\\-.'’\u00A0]{1,3}");

    private record Alias<T>(T owner, List<String> words, String joined, Pattern substring) {
    }

    private final FuzzyMatching tolerance;
    private final List<Alias<T>> aliases = new ArrayList<>();

    private FuzzyNameMatcher(FuzzyMatching tolerance) {
        this.tolerance = tolerance;
    }

    /** A matcher for every entry of a policy list, by its name and each of its aliases. */
    public static <T> FuzzyNameMatcher<T> of(FuzzyMatching tolerance, List<T> entries,
                                             Function<T, String> name, Function<T, List<String>> aliases) {
        FuzzyNameMatcher<T> matcher = new FuzzyNameMatcher<>(tolerance);
        for (T entry : entries) {
            matcher.add(name.apply(entry), entry);
            aliases.apply(entry).forEach(alias -> matcher.add(alias, entry));
        }
        return matcher;
    }

    private FuzzyNameMatcher<T> add(String alias, T owner) {
        if (UnspacedScripts.containsAny(alias)) {
            aliases.add(new Alias<>(owner, List.of(), "", PhrasePattern.of(alias)));
        } else {
            List<String> words = WordToken.split(alias).stream().map(WordToken::folded).toList();
            if (!words.isEmpty()) {
                aliases.add(new Alias<>(owner, words, String.join("", words), null));
            }
        }
        return this;
    }

    /** Like {@link #findAll}, without the matches that touch a protected span (quoted text). */
    public List<NameMatch<T>> findAllOutside(String text, List<TextSpan> protectedSpans) {
        return findAll(text).stream().filter(m -> !TextSpan.anyOverlaps(protectedSpans, m.start(), m.end())).toList();
    }

    /** Non-overlapping matches, earliest first; at one position the longest and then the closest wins. */
    public List<NameMatch<T>> findAll(String text) {
        List<WordToken> tokens = WordToken.split(text);
        List<NameMatch<T>> candidates = new ArrayList<>();
        for (Alias<T> alias : aliases) {
            if (alias.substring() != null) {
                Matcher m = alias.substring().matcher(text);
                while (m.find()) {
                    candidates.add(new NameMatch<>(m.start(), m.end(), alias.owner(), 0));
                }
            } else {
                collectWordMatches(text, tokens, alias, candidates);
            }
        }
        candidates.sort(Comparator.<NameMatch<T>>comparingInt(NameMatch::start)
                .thenComparing(Comparator.<NameMatch<T>>comparingInt(NameMatch::length).reversed())
                .thenComparingInt(NameMatch::edits));
        List<NameMatch<T>> chosen = new ArrayList<>();
        int coveredUntil = -1;
        for (NameMatch<T> c : candidates) {
            if (c.start() >= coveredUntil) {
                chosen.add(c);
                coveredUntil = c.end();
            }
        }
        return chosen;
    }

    private void collectWordMatches(String text, List<WordToken> tokens, Alias<T> alias, List<NameMatch<T>> out) {
        int k = alias.words().size();
        for (int i = 0; i + k <= tokens.size(); i++) {
            int edits = windowEdits(text, tokens, i, alias);
            if (edits >= 0) {
                out.add(new NameMatch<>(tokens.get(i).start(), tokens.get(i + k - 1).end(), alias.owner(), edits));
            }
            // "Spiderman", "VanGogh": a multi-word alias written as one word
            if (k > 1) {
                String word = tokens.get(i).folded();
                int allowed = tolerance.allowedEdits(alias.joined().length());
                int d = closeEnough(word, alias.joined(), allowed);
                if (d >= 0) {
                    out.add(new NameMatch<>(tokens.get(i).start(), tokens.get(i).end(), alias.owner(), d));
                }
            }
        }
    }

    /** Total edits if the k words from index i spell the alias, else -1. */
    private int windowEdits(String text, List<WordToken> tokens, int i, Alias<T> alias) {
        int k = alias.words().size();
        int total = 0;
        for (int w = 0; w < k; w++) {
            WordToken token = tokens.get(i + w);
            if (w > 0 && !JOINABLE_GAP.matcher(text.substring(tokens.get(i + w - 1).end(), token.start())).matches()) {
                return -1;
            }
            String expected = alias.words().get(w);
            int allowed = k == 1 ? tolerance.allowedEditsForSingleWord(expected.length())
                    : tolerance.allowedEdits(expected.length());
            int d = closeEnough(token.folded(), expected, allowed);
            if (d < 0) {
                return -1;
            }
            total += d;
        }
        return total;
    }

    /** Misspellings must still start with the right letter; keeps "Trump" away from "rump"-like words. */
    private static int closeEnough(String actual, String expected, int allowed) {
        if (actual.equals(expected)) {
            return 0;
        }
        if (allowed == 0 || actual.isEmpty() || actual.charAt(0) != expected.charAt(0)
                || Math.abs(actual.length() - expected.length()) > allowed) {
            return -1;
        }
        int d = EditDistance.between(actual, expected);
        return d <= allowed ? d : -1;
    }
}

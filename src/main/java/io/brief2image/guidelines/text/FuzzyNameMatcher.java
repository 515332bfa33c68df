package io.brief2image.guidelines.text;

import io.brief2image.guidelines.policy.GuidelinePolicy.FuzzyMatching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds names and their misspellings as whole words, comparing word by word so that extra spaces,
 * case and accents do not matter. Names in scripts without spaces are found as substrings instead.
 * Thousands of names are indexed once, by each folded word (and by first character for unspaced
 * scripts), so a text is read once however many names there are.
 *
 * <p>Typos are forgiven only in names of several words that together are long enough
 * ({@code fuzzy_matching.fuzzy_from_name_length}), where one word is spelt exactly and every word is
 * written with a capital: "Tayler Swift", "Jackson Polock". One-word names must be spelt as one of their
 * aliases (the data lists the common misspellings), so an everyday word is never eaten as a misspelt name.
 */
public final class FuzzyNameMatcher<T> {
    private static final Pattern JOINABLE_GAP = Pattern.compile("[\\s\\-.'’\u00A0&]{1,3}");

    private record Alias<T>(T owner, List<String> words, String joined, String unspaced, boolean ambiguous) {
    }

    /** An alias reached through one of its words. */
    private record WordEntry<T>(Alias<T> alias, int wordIndex) {
    }

    private final FuzzyMatching tolerance;
    private final Map<String, List<WordEntry<T>>> byWord = new HashMap<>();
    private final Map<String, List<Alias<T>>> byJoined = new HashMap<>();
    private final Map<Integer, List<Alias<T>>> unspacedByFirst = new HashMap<>();
    /** The rules ask about the same text several times in a row (their own names, then longer names of other kinds). */
    private volatile Found<T> lastFound;

    private record Found<T>(String text, List<NameMatch<T>> candidates) {
    }

    private FuzzyNameMatcher(FuzzyMatching tolerance) {
        this.tolerance = tolerance;
    }

    /** A matcher for every entry of a list, by its name and each of its aliases. */
    public static <T> FuzzyNameMatcher<T> of(FuzzyMatching tolerance, List<T> entries,
                                             Function<T, String> name, Function<T, List<String>> aliases) {
        return of(tolerance, entries, name, aliases, entry -> List.of());
    }

    /**
     * Like {@link #of(FuzzyMatching, List, Function, Function)}; matches of an ambiguous alias (an everyday
     * word such as "Swift") are marked, so the caller can ask for a context.
     */
    public static <T> FuzzyNameMatcher<T> of(FuzzyMatching tolerance, List<T> entries, Function<T, String> name,
                                             Function<T, List<String>> aliases, Function<T, List<String>> ambiguous) {
        FuzzyNameMatcher<T> matcher = new FuzzyNameMatcher<>(tolerance);
        for (T entry : entries) {
            List<String> unclear = ambiguous.apply(entry).stream().map(WordToken::fold).toList();
            matcher.add(name.apply(entry), entry, unclear);
            aliases.apply(entry).forEach(alias -> matcher.add(alias, entry, unclear));
        }
        return matcher;
    }

    private void add(String alias, T owner, List<String> ambiguousFolded) {
        boolean ambiguous = ambiguousFolded.contains(WordToken.fold(alias));
        if (UnspacedScripts.containsAny(alias)) {
            String key = UnspacedScripts.squeezed(alias);
            if (!key.isEmpty()) {
                unspacedByFirst.computeIfAbsent(key.codePointAt(0), c -> new ArrayList<>())
                        .add(new Alias<>(owner, List.of(), "", key, ambiguous));
            }
            return;
        }
        List<String> words = WordToken.split(alias).stream().map(WordToken::folded).toList();
        if (words.isEmpty()) {
            return;
        }
        Alias<T> entry = new Alias<>(owner, words, String.join("", words), null, ambiguous);
        for (int w = 0; w < words.size(); w++) {
            byWord.computeIfAbsent(words.get(w), k -> new ArrayList<>()).add(new WordEntry<>(entry, w));
        }
        if (words.size() > 1) {
            byJoined.computeIfAbsent(entry.joined(), k -> new ArrayList<>()).add(entry);
        }
    }

    /** Like {@link #findAll}, without the matches that touch a protected span (quoted text). */
    public List<NameMatch<T>> findAllOutside(String text, List<TextSpan> protectedSpans) {
        return findAllOutside(text, protectedSpans, match -> true);
    }

    /** Matches outside the protected spans that {@code accept} agrees with, chosen as {@link #findAll} does. */
    public List<NameMatch<T>> findAllOutside(String text, List<TextSpan> protectedSpans, Predicate<NameMatch<T>> accept) {
        return choose(candidates(text).stream()
                .filter(m -> !TextSpan.anyOverlaps(protectedSpans, m.start(), m.end()))
                .filter(accept)
                .toList());
    }

    /** Non-overlapping matches, earliest first; at one position the longest and then the closest wins. */
    public List<NameMatch<T>> findAll(String text) {
        return choose(candidates(text));
    }

    private static <T> List<NameMatch<T>> choose(List<NameMatch<T>> found) {
        List<NameMatch<T>> candidates = new ArrayList<>(found);
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

    private List<NameMatch<T>> candidates(String text) {
        Found<T> last = lastFound;
        if (last != null && last.text().equals(text)) {
            return last.candidates();
        }
        List<NameMatch<T>> found = List.copyOf(scan(text));
        lastFound = new Found<>(text, found);
        return found;
    }

    private List<NameMatch<T>> scan(String text) {
        List<NameMatch<T>> out = new ArrayList<>();
        if (!unspacedByFirst.isEmpty()) {
            collectUnspaced(text, out);
        }
        List<WordToken> tokens = WordToken.split(text);
        for (int i = 0; i < tokens.size(); i++) {
            WordToken token = tokens.get(i);
            for (String key : Inflection.lookupKeys(token.folded())) {
                for (WordEntry<T> entry : byWord.getOrDefault(key, List.of())) {
                    int first = i - entry.wordIndex();
                    if (first >= 0 && first + entry.alias().words().size() <= tokens.size()) {
                        addWindow(text, tokens, first, entry.alias(), out);
                    }
                }
            }
            // "Spiderman", "VanGogh": a multi-word alias written as one word
            for (Alias<T> alias : byJoined.getOrDefault(token.folded(), List.of())) {
                out.add(new NameMatch<>(token.start(), token.end(), alias.owner(), 0, alias.ambiguous()));
            }
        }
        return out;
    }

    private void addWindow(String text, List<WordToken> tokens, int first, Alias<T> alias, List<NameMatch<T>> out) {
        int k = alias.words().size();
        int edits = windowEdits(text, tokens, first, alias);
        if (edits < 0 || edits > 0 && !allCapitalised(text, tokens, first, k)) {
            return;
        }
        out.add(new NameMatch<>(tokens.get(first).start(), tokens.get(first + k - 1).end(), alias.owner(), edits,
                alias.ambiguous()));
    }

    /** Total edits if the k words from index i spell the alias, else -1. */
    private int windowEdits(String text, List<WordToken> tokens, int i, Alias<T> alias) {
        int k = alias.words().size();
        boolean forgiving = k > 1 && alias.joined().length() >= tolerance.fuzzyFromNameLength();
        int total = 0;
        int exact = 0;
        for (int w = 0; w < k; w++) {
            WordToken token = tokens.get(i + w);
            if (w > 0 && !JOINABLE_GAP.matcher(text.substring(tokens.get(i + w - 1).end(), token.start())).matches()) {
                return -1;
            }
            String expected = alias.words().get(w);
            int allowed = forgiving ? tolerance.allowedEdits(expected.length()) : 0;
            int d = closeEnough(token.folded(), expected, allowed);
            if (d < 0) {
                return -1;
            }
            exact += d == 0 ? 1 : 0;
            total += d;
        }
        return exact == 0 ? -1 : total;
    }

    /** Misspellings must still start with the right letter; keeps "Trump" away from "rump"-like words. */
    private static int closeEnough(String actual, String expected, int allowed) {
        if (actual.equals(expected) || Inflection.isInflectionOf(actual, expected)) {
            return 0;
        }
        if (allowed == 0 || actual.isEmpty() || actual.charAt(0) != expected.charAt(0)
                || Math.abs(actual.length() - expected.length()) > allowed) {
            return -1;
        }
        int d = EditDistance.between(actual, expected);
        return d <= allowed ? d : -1;
    }

    private static boolean allCapitalised(String text, List<WordToken> tokens, int first, int k) {
        for (int w = first; w < first + k; w++) {
            if (Character.isLowerCase(text.codePointAt(tokens.get(w).start()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A two-character Hanzi or Kanji name is as short as an everyday word: "成龙" is in "变成龙", "王菲" in the
     * given name "王菲菲", "常玉" in "非常玉润". It counts only between word edges: the text's ends, another
     * script (kana, Latin, punctuation, spaces), or the words {@code fuzzy_matching.short_hanzi_aliases}
     * lists as standing next to a name ("和成龙一起", "梵高风格的", "北斎風の").
     */
    private boolean standsAlone(String text, int start, int end) {
        boolean leftEdge = start == 0 || !UnspacedScripts.isHan(text.codePointBefore(start))
                || tolerance.shortHanziAliases().before().stream().anyMatch(w -> text.startsWith(w, start - w.length()));
        boolean rightEdge = end == text.length() || !UnspacedScripts.isHan(text.codePointAt(end))
                || tolerance.shortHanziAliases().after().stream().anyMatch(w -> text.startsWith(w, end));
        return leftEdge && rightEdge;
    }

    /** Substring matches in unspaced scripts ("오바마가"), ignoring spaces and name dots inside the name. */
    private void collectUnspaced(String text, List<NameMatch<T>> out) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!UnspacedScripts.mayStartName(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            for (Alias<T> alias : unspacedByFirst.getOrDefault(Character.toLowerCase(cp), List.of())) {
                int end = UnspacedScripts.matchEnd(text, i, alias.unspaced());
                if (end > 0 && (!UnspacedScripts.isShortHan(alias.unspaced()) || standsAlone(text, i, end))) {
                    out.add(new NameMatch<>(i, end, alias.owner(), 0, alias.ambiguous()));
                }
            }
            i += Character.charCount(cp);
        }
    }
}

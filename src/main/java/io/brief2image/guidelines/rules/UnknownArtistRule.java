package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.rules.LatinNames.Found;
import io.brief2image.guidelines.rules.LatinNames.Word;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A style reference to a person on no list is deleted, as the seed policy says for unknown creative
 * professionals ("delete the reference if they are unknown"): there is no style on record to describe.
 * Runs after the known-name rules, so known artists are already described. Historic artists and
 * movements ("in the style of Vermeer", "Art Deco style") stay; so do studios and characters, which
 * the known-name rules own, and places and brands ("Tudor-style", "Bauhaus style").
 */
final class UnknownArtistRule implements TextRule {
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{L}+)");

    private final Supplier<UnknownNames> names;
    private final TextEditor editor;

    UnknownArtistRule(Supplier<UnknownNames> names, TextEditor editor) {
        this.names = names;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        UnknownNames n = names.get();
        List<TextSpan> keep = n.finder().protectedSpans(text);
        List<TextSpan> known = n.finder().knownNames(text);
        List<Word> words = LatinNames.words(text);
        boolean shapesCount = !LatinNames.titleCase(words);
        List<TextSpan> removed = new ArrayList<>();
        for (boolean strong : new boolean[]{true, false}) {
            Matcher lead = (strong ? n.index().strongLead : n.index().weakLead).matcher(text);
            while (lead.find()) {
                int i = wordStartingAt(words, lead.end());
                int end = i < 0 ? -1 : nameAfterLead(n, text, words, i, strong, shapesCount);
                addRemoval(lead.start(), end, keep, known, removed);
            }
            Matcher tail = (strong ? n.index().strongTail : n.index().weakTail).matcher(text);
            while (tail.find()) {
                int start = nameBeforeTail(n, text, tail.start(), strong, shapesCount);
                addRemoval(start, start < 0 ? -1 : tail.end(), keep, known, removed);
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        for (TextSpan span : removed) {
            // the next word is rewritten in place, so the article before it still fits: "an Anna Berg-style poster" -> "a poster"
            Matcher next = NEXT_WORD.matcher(text.substring(span.end()));
            boolean hasNext = next.find();
            String following = hasNext ? next.group(1) : "";
            int end = hasNext ? span.end() + next.end() : span.end();
            edits.add(new TextEdit(span.start(), end, following));
            actions.add(new PolicyAction(Rules.UNKNOWN_ARTIST, "removed",
                    "'" + text.substring(span.start(), span.end()).strip() + "' (an artist on no list: no style on record to describe)"));
        }
        return editor.apply(text, edits);
    }

    private static void addRemoval(int start, int end, List<TextSpan> keep, List<TextSpan> known, List<TextSpan> removed) {
        if (start < 0 || end <= start || TextSpan.anyOverlaps(keep, start, end) || PersonFinder.cutsKnownName(known, start, end)
                || TextSpan.anyOverlaps(removed, start, end)) {
            return;
        }
        removed.add(new TextSpan(start, end));
    }

    private static int wordStartingAt(List<Word> words, int index) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).start() == index) {
                return i;
            }
        }
        return -1;
    }

    /** End of the unknown name after a style lead, or -1 when it is allowed, a thing, or no name. */
    private static int nameAfterLead(UnknownNames n, String text, List<Word> words, int i, boolean strong, boolean shapesCount) {
        Word w = words.get(i);
        if (UnspacedNames.isHangul(w.text().codePointAt(0))) {
            Found f = n.finder().unspaced.hangul(text, words, i, false);
            return f == null ? -1 : f.end();
        }
        int runEnd = n.finder().latin.capitalisedRunEnd(text, words, i);
        if (runEnd < i || allowed(n, text, words, i, runEnd)) {
            return -1;
        }
        Found person = n.finder().latin.personAt(text, words, i, false, shapesCount);
        if (person != null) {
            return person.end();
        }
        return strong && unknownArtistShape(n, text, words, i, runEnd) ? words.get(runEnd).end() : -1;
    }

    /** Start of the unknown name before a style tail, or -1. */
    private static int nameBeforeTail(UnknownNames n, String text, int tailStart, boolean strong, boolean shapesCount) {
        String before = text.substring(0, tailStart);
        if (before.isEmpty()) {
            return -1;
        }
        int last = before.codePointBefore(before.length());
        if (UnspacedNames.isKanaOrHan(last)) {
            Found f = n.finder().unspaced.before(text, tailStart, true, UnknownNameIndex.PERSON, false);
            return f == null ? -1 : f.start();
        }
        List<Word> words = LatinNames.words(before);
        if (words.isEmpty() || words.get(words.size() - 1).end() != before.length()) {
            return -1;
        }
        int j = words.size() - 1;
        if (UnspacedNames.isHangul(last)) {
            Found f = n.finder().unspaced.hangul(before, words, j, true);
            return f == null ? -1 : f.start();
        }
        int k = j;
        while (k > 0 && j - k < 3 && LatinNames.adjacent(before, words.get(k - 1), words.get(k))
                && (words.get(k - 1).capitalised() || n.index().nameParticles.contains(UnknownNameIndex.fold(words.get(k - 1).text())))) {
            k--;
        }
        for (int s = k; s <= j; s++) {
            if (!words.get(s).capitalised()) {
                continue;
            }
            if (allowed(n, before, words, s, j)) {
                return -1;
            }
            Found person = n.finder().latin.personAt(before, words, s, false, shapesCount);
            if (person != null && person.end() == words.get(j).end()) {
                return person.start();
            }
        }
        return strong && words.get(j).capitalised() && unknownArtistShape(n, before, words, j, j) ? words.get(j).start() : -1;
    }

    /** Any leading part of the run is a historic artist, a movement, a studio or a character. */
    private static boolean allowed(UnknownNames n, String text, List<Word> words, int from, int to) {
        for (int e = to; e >= from; e--) {
            if (n.index().isAllowedOrKnown(text.substring(words.get(from).start(), words.get(e).end()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a strong lead, capitalised words that are no place, brand or common word, and that do not
     * modify a noun after them ("in the style of Tudor architecture"), are taken for an unknown artist.
     */
    private static boolean unknownArtistShape(UnknownNames n, String text, List<Word> words, int from, int to) {
        for (int k = from; k <= to; k++) {
            Word w = words.get(k);
            String f = UnknownNameIndex.fold(w.bare());
            if (w.capitalised() && (n.index().notPeopleWords.contains(f) || n.index().placeNouns.contains(f)
                    || n.index().prefixes.contains(f) || !w.bare().equals(w.text()))) {
                return false;
            }
        }
        if (to + 1 < words.size() && LatinNames.adjacent(text, words.get(to), words.get(to + 1))) {
            Word next = words.get(to + 1);
            String f = UnknownNameIndex.fold(next.text());
            return next.capitalised() || n.index().cues.stopWords().values().stream().anyMatch(l -> l.contains(f));
        }
        return true;
    }
}

package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.rules.LatinNames.Found;
import io.brief2image.guidelines.rules.LatinNames.Word;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Every person a text names that no list knows, in any script, outside the spans that must stay: text
 * lettered into the image (quoted next to a cue, or after "a sign that says"), and the places, brands and
 * things of world/not-people.yaml ("Madonna and Child", "Jack Russell terrier").
 */
final class PersonFinder {
    private static final String CLAUSE_END = ",.;:!?\n\"”」»";
    /** Closing quotes and, at the same index in OPENING, their opening quotes. */
    private static final String CLOSING = "」』\"”»";
    private static final String OPENING = "「『\"“«";

    private final UnknownNameIndex index;
    private final QuotedTextGuard guard;
    private final Function<String, List<TextSpan>> knownNames;
    final LatinNames latin;
    final UnspacedNames unspaced;

    PersonFinder(UnknownNameIndex index, QuotedTextGuard guard, Function<String, List<TextSpan>> knownNames) {
        this.index = index;
        this.guard = guard;
        this.knownNames = knownNames;
        this.latin = new LatinNames(index);
        this.unspaced = new UnspacedNames(index);
    }

    /** Lettered text and not-people phrases. */
    List<TextSpan> protectedSpans(String text) {
        List<TextSpan> spans = new ArrayList<>(guard.protectedSpans(text));
        Matcher lead = index.textLead.matcher(text);
        while (lead.find()) {
            int end = lead.end();
            while (end < text.length() && CLAUSE_END.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            spans.add(new TextSpan(lead.start(), end));
            // 「田中さん」と書かれた看板: in Japanese and Korean the lettered text comes before the cue
            int quote = lead.start() > 0 ? CLOSING.indexOf(text.charAt(lead.start() - 1)) : -1;
            int open = quote < 0 ? -1 : text.lastIndexOf(OPENING.charAt(quote), lead.start() - 2);
            if (open >= 0) {
                spans.add(new TextSpan(open, lead.start()));
            }
        }
        Matcher phrase = index.notPeoplePhrase.matcher(text);
        while (phrase.find()) {
            spans.add(new TextSpan(phrase.start(), phrase.end()));
        }
        return spans;
    }

    /** Where the text names someone or something the world data knows, allowed or not (see {@link #cutsKnownName}). */
    List<TextSpan> knownNames(String text) {
        return knownNames.apply(text);
    }

    /**
     * Whether text[start, end) would touch a known name without holding all of it: "Pierre Puvis" of
     * "Pierre Puvis de Chavannes", "高风格的" after the 梵 of 梵高, or the known name itself. A longer name
     * that holds a known one ("Julien Moreau" holds the painter Moreau) is still someone no list knows.
     */
    static boolean cutsKnownName(List<TextSpan> known, int start, int end) {
        for (TextSpan k : known) {
            boolean overlaps = k.start() < end && start < k.end();
            boolean strictlyInside = start <= k.start() && k.end() <= end && k.end() - k.start() < end - start;
            if (overlaps && !strictlyInside) {
                return true;
            }
        }
        return false;
    }

    List<Found> people(String text, List<TextSpan> keep) {
        List<TextSpan> known = knownNames(text);
        List<Found> found = new ArrayList<>();
        List<Word> words = LatinNames.words(text);
        boolean shapesCount = !LatinNames.titleCase(words);
        Set<Integer> afterPersonLead = new HashSet<>();
        Matcher lead = index.personLead.matcher(text);
        while (lead.find()) {
            afterPersonLead.add(lead.end());
        }
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            Found person = UnspacedNames.isHangul(w.text().codePointAt(0)) ? unspaced.hangul(text, words, i, false)
                    : latin.personAt(text, words, i, afterPersonLead.contains(w.start()), shapesCount);
            if (person != null && !TextSpan.anyOverlaps(keep, person.start(), person.end())
                    && !cutsKnownName(known, person.start(), person.end()) && !partOfAllowedName(text, words, i, person)) {
                found.add(person);
                while (i + 1 < words.size() && words.get(i + 1).start() < person.end()) {
                    i++;
                }
            }
        }
        addBeforeUnspacedCues(text, keep, found);
        found.removeIf(person -> cutsKnownName(known, person.start(), person.end()));
        return found;
    }

    /** "Caspar David Friedrich" holds "David Friedrich": a historic artist's name is allowed as a whole. */
    private boolean partOfAllowedName(String text, List<Word> words, int i, Found person) {
        int last = i;
        while (last + 1 < words.size() && words.get(last + 1).start() < person.end()) {
            last++;
        }
        int from = i;
        while (from > 0 && i - from < 3 && words.get(from - 1).capitalised() && LatinNames.adjacent(text, words.get(from - 1), words.get(from))) {
            from--;
        }
        int to = last;
        while (to + 1 < words.size() && to - last < 2 && words.get(to + 1).capitalised() && LatinNames.adjacent(text, words.get(to), words.get(to + 1))) {
            to++;
        }
        for (int a = from; a <= i; a++) {
            for (int b = last; b <= to; b++) {
                if (index.isAllowedOrKnown(text.substring(words.get(a).start(), words.get(b).end()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "田中さんの肖像", "张伟的照片": Kana and Han names are found by the cue after them. */
    private void addBeforeUnspacedCues(String text, List<TextSpan> keep, List<Found> found) {
        for (Map.Entry<String, String> honorific : index.honorificAfter.entrySet()) {
            if (!UnspacedNames.isHangul(honorific.getKey().codePointAt(0))) {
                addAt(text, honorific.getKey(), true, honorific.getValue(), true, keep, found);
            }
        }
        for (String tail : index.personTailsUnspaced) {
            if (!UnspacedNames.isHangul(tail.codePointAt(0))) {
                addAt(text, tail, false, UnknownNameIndex.PERSON, false, keep, found);
            }
        }
    }

    private void addAt(String text, String cue, boolean bareSurname, String gender, boolean includeCue,
                       List<TextSpan> keep, List<Found> found) {
        for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length())) {
            Found name = unspaced.before(text, at, bareSurname, gender, includeCue);
            if (name == null || TextSpan.anyOverlaps(keep, name.start(), name.end())) {
                continue;
            }
            Found person = includeCue ? new Found(name.start(), at + cue.length(), name.gender()) : name;
            if (found.stream().noneMatch(f -> f.start() < person.end() && person.start() < f.end())) {
                found.add(person);
            }
        }
    }
}

package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.GuidelinePolicy.AmbiguousNames;
import io.brief2image.guidelines.policy.GuidelinePolicy.ArtistPhrasing;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.PhrasePattern;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an alias that is also an everyday word is meant as a name where it stands: "Swift singing"
 * is a person, "a swift bird" is not; "in the style of Bacon" is an artist, "bacon and eggs" is breakfast.
 * The words that decide are policy data ({@code ambiguous_names}, {@code artist_phrasing}).
 */
final class NameContext {
    private static final Pattern PREVIOUS_WORD = Pattern.compile("([\\p{L}\\p{N}]+)\\s*$");
    private static final Pattern NEXT_WORD = Pattern.compile("^(['’]s\\b|\\s+[\\p{L}\\p{N}'’]+)");

    private final Set<String> notAfter;
    private final Set<String> notBefore;
    private final Set<String> nextAtSentenceStart;
    private final Pattern notInPhrases;
    private final Pattern leadBeforeName;
    private final Pattern styleAfterName;

    NameContext(AmbiguousNames names, ArtistPhrasing phrasing) {
        this.notAfter = lowerCased(names.notAfter());
        this.notBefore = lowerCased(names.notBefore());
        this.nextAtSentenceStart = lowerCased(names.nextAtSentenceStart());
        this.notInPhrases = PhrasePattern.anyOf(names.notInPhrases());
        this.leadBeforeName = Pattern.compile(PhrasePattern.alternation(phrasing.leadPhrases()) + "\\s+$", PhrasePattern.FLAGS);
        this.styleAfterName = Pattern.compile("^[\\s-]?" + PhrasePattern.alternation(phrasing.styleSuffixes()), PhrasePattern.FLAGS);
    }

    /** A public figure's name, or an everyday word that happens to match one of its aliases. */
    boolean isPerson(String text, NameMatch<?> match) {
        if (!match.ambiguous()) {
            return true;
        }
        int first = text.codePointAt(match.start());
        if (!Character.isUpperCase(first) || insidePhrase(text, match)) {
            return false;
        }
        Matcher previous = PREVIOUS_WORD.matcher(text.substring(0, match.start()));
        if (previous.find() && notAfter.contains(previous.group(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        Matcher next = NEXT_WORD.matcher(text.substring(match.end()));
        String word = next.find() ? next.group(1).strip().toLowerCase(Locale.ROOT).replace('’', '\'') : null;
        if (word != null && notBefore.contains(word)) {
            return false;
        }
        if (!Casing.atSentenceStart(text, match.start())) {
            return true;
        }
        return word == null || nextAtSentenceStart.contains(word);
    }

    /** An artist or studio named as a style: a lead phrase before ("in the style of") or "-style" after. */
    boolean isStyleReference(String text, NameMatch<?> match) {
        return !match.ambiguous() || hasLeadPhrase(text, match.start())
                || styleAfterName.matcher(text.substring(match.end())).find();
    }

    /** The end of a style word right after a name ("-style", " style"), or nameEnd when there is none. */
    int endOfStyleSuffix(String text, int nameEnd) {
        Matcher m = styleAfterName.matcher(text.substring(nameEnd));
        return m.find() ? nameEnd + m.end() : nameEnd;
    }

    boolean hasLeadPhrase(String text, int nameStart) {
        return leadBeforeName.matcher(text.substring(0, nameStart)).find();
    }

    /** Where the lead phrase before a name starts, or -1. */
    int leadPhraseStart(String text, int nameStart) {
        Matcher lead = leadBeforeName.matcher(text.substring(0, nameStart));
        return lead.find() ? lead.start() : -1;
    }

    /** A character's everyday-word alias counts only with its franchise named in the same text ("Elsa from Frozen"). */
    static boolean namesFranchise(String text, NameMatch<ProtectedWork> match, Pattern franchise) {
        if (!match.ambiguous()) {
            return true;
        }
        if (franchise == null) {
            return false;
        }
        Matcher m = franchise.matcher(text);
        while (m.find()) {
            if (m.end() <= match.start() || m.start() >= match.end()) {
                return true;
            }
        }
        return false;
    }

    private boolean insidePhrase(String text, NameMatch<?> match) {
        Matcher m = notInPhrases.matcher(text);
        while (m.find()) {
            if (m.start() < match.end() && match.start() < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lowerCased(List<String> words) {
        Set<String> set = new HashSet<>();
        words.forEach(w -> set.add(w.toLowerCase(Locale.ROOT).replace('’', '\'')));
        return set;
    }
}

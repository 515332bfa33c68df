package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.UnknownNameData;
import io.brief2image.guidelines.policy.UnknownNameData.Honorifics;
import io.brief2image.guidelines.policy.UnknownNameData.LanguageNames;
import io.brief2image.guidelines.policy.UnknownNameData.NameCues;
import io.brief2image.guidelines.policy.UnknownNameData.NotPeople;
import io.brief2image.guidelines.text.PhrasePattern;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The unknown-name data compiled for look-ups: folded word sets, given names with their gender, family
 * names by script, and the cue phrases as patterns. Built once, off the start path (see {@link Guidelines}).
 */
final class UnknownNameIndex {
    static final String WOMAN = "woman";
    static final String MAN = "man";
    static final String PERSON = "person";

    final NameCues cues;
    final Map<String, String> givenGender = new HashMap<>();
    /** Family names written before the given name: romanised (folded) and native script. */
    final Set<String> surnamesFirst = new HashSet<>();
    final Set<String> japaneseSurnames = new HashSet<>();
    final Set<String> chineseSurnames = new HashSet<>();
    final Set<String> hangulSurnames = new HashSet<>();
    final Set<String> notPeoplePhrases;
    final Set<String> notPeopleWords;
    final Set<String> prefixes;
    final Set<String> placeNouns;
    final Set<String> familyNamePlaceNouns;
    final Set<String> unspacedWords;
    final Set<String> nameParticles;
    final Set<String> hangulParticles;
    final Set<String> uncasedFunctionWords;
    final Map<String, String> honorificBefore = new HashMap<>();
    final Map<String, String> honorificAfter = new HashMap<>();
    final Pattern strongLead;
    final Pattern weakLead;
    final Pattern strongTail;
    final Pattern weakTail;
    final Pattern personLead;
    final Pattern textLead;
    final Pattern notPeoplePhrase;
    final List<String> personTailsUnspaced;
    final Predicate<String> allowedStyleName;
    final Set<String> leftToKnownRules;

    UnknownNameIndex(UnknownNameData data, Predicate<String> allowedStyleName, Collection<String> studiosAndCharacters) {
        this.cues = data.cues();
        this.allowedStyleName = allowedStyleName;
        data.givenNames().forEach((language, names) -> addLanguage(language, names));
        NotPeople not = data.notPeople();
        this.notPeoplePhrases = folded(not.phrases());
        this.notPeopleWords = folded(not.words());
        this.prefixes = folded(not.prefixes().stream().map(p -> p.replace(".", "")).toList());
        this.placeNouns = folded(not.placeNouns());
        this.familyNamePlaceNouns = folded(not.familyNames());
        this.unspacedWords = Set.copyOf(not.unspacedWords());
        this.nameParticles = folded(cues.nameParticles());
        this.hangulParticles = Set.copyOf(cues.hangulParticles());
        this.uncasedFunctionWords = Set.copyOf(cues.uncasedFunctionWords());
        for (Honorifics h : cues.honorificsBefore()) {
            h.words().forEach(w -> honorificBefore.put(fold(w.replace(".", "")), h.gender()));
        }
        for (Honorifics h : cues.honorificsAfter()) {
            h.words().forEach(w -> honorificAfter.put(w, h.gender()));
        }
        this.strongLead = lead(cues.styleLead().strong());
        this.weakLead = lead(cues.styleLead().weak());
        this.strongTail = tail(cues.styleTail().strong());
        this.weakTail = tail(cues.styleTail().weak());
        this.personLead = lead(cues.personLeads());
        this.textLead = Pattern.compile(PhrasePattern.alternation(cues.textLeads()), PhrasePattern.FLAGS);
        this.notPeoplePhrase = PhrasePattern.anyOf(not.phrases());
        this.personTailsUnspaced = cues.personTailsUnspaced().stream()
                .sorted((a, b) -> b.length() - a.length()).toList();
        this.leftToKnownRules = folded(studiosAndCharacters);
    }

    private void addLanguage(String language, LanguageNames names) {
        names.female().forEach(n -> addGiven(n, WOMAN));
        names.male().forEach(n -> addGiven(n, MAN));
        names.any().forEach(n -> addGiven(n, PERSON));
        for (String surname : names.surnamesFirst()) {
            surnamesFirst.add(fold(surname));
            Set<String> byScript = switch (language) {
                case "ja" -> japaneseSurnames;
                case "zh" -> chineseSurnames;
                default -> hangulSurnames;
            };
            if (!isLatin(surname)) {
                byScript.add(surname);
            }
        }
    }

    private void addGiven(String name, String gender) {
        givenGender.merge(fold(name), gender, (a, b) -> a.equals(b) ? a : PERSON);
    }

    boolean isGivenName(String word) {
        return givenGender.containsKey(fold(word));
    }

    String genderOf(String given) {
        return givenGender.getOrDefault(fold(given), PERSON);
    }

    /** A name of historic art, a movement, a studio or a character: never an unknown artist. */
    boolean isAllowedOrKnown(String name) {
        String stripped = withoutPossessive(name);
        return allowedStyleName.test(stripped) || leftToKnownRules.contains(fold(stripped));
    }

    private static Pattern lead(List<String> phrases) {
        return Pattern.compile(PhrasePattern.alternation(phrases) + "\\s+", PhrasePattern.FLAGS);
    }

    private static Pattern tail(List<String> phrases) {
        // tails glue to the name: "Lee-style", "Lee style", "田中風", "김민수 스타일의"
        String alternatives = phrases.stream().sorted((a, b) -> b.length() - a.length())
                .map(p -> p.startsWith("-") ? "-" + Pattern.quote(p.substring(1)) : "\\s*" + Pattern.quote(p))
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?:" + alternatives + ")(?![\\p{IsLatin}])", PhrasePattern.FLAGS);
    }

    static Set<String> folded(Collection<String> words) {
        return words.stream().map(UnknownNameIndex::fold).collect(Collectors.toCollection(HashSet::new));
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    /** Lower case, no accents, one space between words; plain ASCII words (most of them) take the short way. */
    static String fold(String word) {
        boolean simple = true;
        for (int i = 0; i < word.length() && simple; i++) {
            char c = word.charAt(i);
            simple = c < 128 && !Character.isWhitespace(c);
        }
        if (simple) {
            return word.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(word.replace('’', '\''), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static String withoutPossessive(String word) {
        return word.endsWith("s") ? POSSESSIVE.matcher(word).replaceAll("") : word;
    }

    static boolean isLatin(String s) {
        return s.codePoints().filter(Character::isLetter)
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }
}

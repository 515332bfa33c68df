package io.brief2image.guidelines.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Person names in scripts with capital letters (Latin, Cyrillic, Greek) and in Devanagari and Arabic,
 * told from their shape: a given name of world/given-names.yaml and a capitalised family name ("Sarah
 * Johnson", "María de la Cruz"), a family name written first and a given name ("Kim Min-jun", "Wang Wei"),
 * an honorific and a capitalised name ("Dr. Okafor"). Places, brands and common words of
 * world/not-people.yaml are never a family name, and a place noun after the name makes it a place.
 */
final class LatinNames {
    private static final int MAX_RUN = 4;

    /** A word: letters, marks and digits, with apostrophes and hyphens inside. */
    record Word(int start, int end, String text) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        boolean cased() {
            int cp = text.codePointAt(0);
            return Character.isUpperCase(cp) || Character.isLowerCase(cp);
        }

        String bare() {
            return UnknownNameIndex.withoutPossessive(text);
        }
    }

    /** A person's name at text[start, end); gender is woman, man or person. */
    record Found(int start, int end, String gender) {
    }

    private final UnknownNameIndex index;

    LatinNames(UnknownNameIndex index) {
        this.index = index;
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length()) {
                int c = text.codePointAt(i);
                boolean joiner = (c == '\'' || c == '’' || c == '-') && i + 1 < text.length()
                        && isWordChar(text.codePointAt(i + 1)) && i > start;
                if (!isWordChar(c) && !joiner) {
                    break;
                }
                i += Character.charCount(c);
            }
            words.add(new Word(start, i, text.substring(start, i)));
        }
        return words;
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    /** Title Case Text Capitalises Every Word, so the shape of a name tells nothing there. */
    static boolean titleCase(List<Word> words) {
        List<Word> after = words.stream().skip(1).filter(Word::cased).toList();
        return after.size() >= 4 && after.stream().filter(Word::capitalised).count() * 4 >= after.size() * 3L;
    }

    /**
     * The person named by the words from index i on, or null.
     *
     * @param afterPersonLead "portrait of" or the like comes just before: two capitalised words suffice
     * @param shapesCount     false in Title Case text: then only honorifics count
     */
    Found personAt(String text, List<Word> words, int i, boolean afterPersonLead, boolean shapesCount) {
        Word first = words.get(i);
        if (i > 0 && adjacent(text, words.get(i - 1), first) && index.prefixes.contains(fold(words.get(i - 1).text()))) {
            return null;
        }
        if (!first.cased()) {
            return shapesCount ? uncased(text, words, i) : null;
        }
        if (!first.capitalised()) {
            return null;
        }
        String honorific = index.honorificBefore.get(fold(first.text()));
        if (honorific != null) {
            int end = familyNameEnd(text, words, i + 1);
            if (end < 0) {
                return null;
            }
            String gender = honorific.equals(UnknownNameIndex.PERSON) ? index.genderOf(words.get(i + 1).text()) : honorific;
            return placeAfter(text, words, end) ? null : new Found(first.start(), endOf(words.get(end)), gender);
        }
        if (!shapesCount || first.text().endsWith("'s") || first.text().endsWith("’s")) {
            return null;
        }
        if (i + 1 < words.size() && index.surnamesFirst.contains(fold(first.text()))
                && adjacent(text, first, words.get(i + 1)) && words.get(i + 1).capitalised()
                && index.isGivenName(words.get(i + 1).bare()) && !placeAfter(text, words, i + 1)) {
            return new Found(first.start(), endOf(words.get(i + 1)), index.genderOf(words.get(i + 1).bare()));
        }
        boolean given = index.isGivenName(first.text());
        if (!given && !(afterPersonLead && familyNameWord(first))) {
            return null;
        }
        int next = i + 1;
        // a middle name or initial: "Mary Anne Smith", "John F. Smith"
        if (next + 1 < words.size() && adjacent(text, words.get(next - 1), words.get(next))
                && (index.isGivenName(words.get(next).text()) || isInitial(text, words.get(next)))
                && familyNameEnd(text, words, next + 1) >= 0) {
            next++;
        }
        int end = familyNameEnd(text, words, next);
        if (end < 0 || placeAfter(text, words, end)) {
            return null;
        }
        return new Found(first.start(), endOf(words.get(end)), given ? index.genderOf(first.text()) : UnknownNameIndex.PERSON);
    }

    /**
     * Index of the last word of a family name starting at word j (particles first: "van der Berg"; two
     * family names: "García López"), or -1.
     */
    int familyNameEnd(String text, List<Word> words, int j) {
        int k = j;
        while (k < words.size() && k - j < 3 && !words.get(k).capitalised() && index.nameParticles.contains(fold(words.get(k).text()))
                && (k == j || adjacent(text, words.get(k - 1), words.get(k)))) {
            k++;
        }
        if (k >= words.size() || !(familyNameWord(words.get(k)) || placeLikeFamilyName(words, j, k))
                || (k > j && !adjacent(text, words.get(k - 1), words.get(k)))) {
            return -1;
        }
        if (k == j && j > 0 && !adjacent(text, words.get(j - 1), words.get(j)) && !abbreviated(text, words.get(j - 1), words.get(j))) {
            return -1;
        }
        int end = k;
        boolean possessive = !words.get(end).bare().equals(words.get(end).text());
        if (!possessive && end + 1 < words.size() && familyNameWord(words.get(end + 1))
                && adjacent(text, words.get(end), words.get(end + 1)) && !index.isGivenName(words.get(end + 1).text())) {
            end++;
        }
        return end;
    }

    private boolean familyNameWord(Word w) {
        String f = fold(w.bare());
        return w.capitalised() && w.bare().length() > 1 && !index.notPeopleWords.contains(f) && !index.prefixes.contains(f)
                && !index.placeNouns.contains(f) && !index.honorificBefore.containsKey(f)
                && w.bare().codePoints().anyMatch(Character::isLowerCase);
    }

    /** "Jenny Park", "Emma Hall": a family name that is also a place noun, after a given name that is no place. */
    private boolean placeLikeFamilyName(List<Word> words, int j, int k) {
        Word w = words.get(k);
        return j > 0 && w.capitalised() && index.familyNamePlaceNouns.contains(fold(w.bare()))
                && !index.notPeopleWords.contains(fold(words.get(j - 1).text()));
    }

    /** A place noun right after the name: "Victoria Station", "Lincoln Center", "Sarah Lee hotel". */
    private boolean placeAfter(String text, List<Word> words, int end) {
        return end + 1 < words.size() && adjacent(text, words.get(end), words.get(end + 1))
                && index.placeNouns.contains(fold(words.get(end + 1).text()));
    }

    /** Devanagari, Arabic: a given name and the word after it, unless that word is a function word. */
    private Found uncased(String text, List<Word> words, int i) {
        Word first = words.get(i);
        if (!index.isGivenName(first.text()) || i + 1 >= words.size()) {
            return null;
        }
        Word next = words.get(i + 1);
        boolean sameScript = Character.UnicodeScript.of(next.text().codePointAt(0)) == Character.UnicodeScript.of(first.text().codePointAt(0));
        if (!sameScript || next.cased() || !adjacent(text, first, next) || index.uncasedFunctionWords.contains(next.text())) {
            return null;
        }
        return new Found(first.start(), next.end(), index.genderOf(first.text()));
    }

    /** The capitalised words from index i on (particles allowed inside), as an end index; i - 1 when none. */
    int capitalisedRunEnd(String text, List<Word> words, int i) {
        int end = i - 1;
        for (int k = i; k < words.size() && k - i < MAX_RUN; k++) {
            Word w = words.get(k);
            if (k > i && !adjacentOrDotted(text, words.get(k - 1), w)) {
                break;
            }
            if (w.capitalised()) {
                end = k;
            } else if (!index.nameParticles.contains(fold(w.text()))) {
                break;
            }
        }
        return end;
    }

    /** One or two spaces between the words, nothing else. */
    static boolean adjacent(String text, Word a, Word b) {
        return blanks(text, a.end(), b.start());
    }

    private static boolean adjacentOrDotted(String text, Word a, Word b) {
        int from = a.end() < b.start() && text.charAt(a.end()) == '.' ? a.end() + 1 : a.end();
        return blanks(text, from, b.start());
    }

    private static boolean blanks(String text, int from, int to) {
        int n = to - from;
        if (n < 1 || n > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** "Dr. Okafor", "John F. Smith": an abbreviation's dot between two words of one name. */
    private static boolean abbreviated(String text, Word a, Word b) {
        return a.text().length() <= 4 && a.end() < b.start() && text.charAt(a.end()) == '.' && blanks(text, a.end() + 1, b.start());
    }

    /** A possessive stays after the replacement: "Sarah Johnson's dog" -> "a woman's dog". */
    private static int endOf(Word w) {
        return w.start() + w.bare().length();
    }

    private static boolean isInitial(String text, Word w) {
        return w.text().length() == 1 && Character.isUpperCase(w.text().charAt(0))
                && w.end() < text.length() && text.charAt(w.end()) == '.';
    }

    static String fold(String s) {
        return UnknownNameIndex.fold(s);
    }
}

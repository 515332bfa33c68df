package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.rules.LatinNames.Found;
import io.brief2image.guidelines.rules.LatinNames.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Person names in Hangul, Kana and Han, where no capital letter marks a name. Hangul: a family name and
 * a given name of world/given-names.yaml in one word ("김민준이"), or a family name and an honorific
 * ("김 씨"). Kana and Han are written without spaces, so a name is looked for only right before a cue
 * (an honorific "さん", a portrait "の肖像", a style tail "風"): the family-name-led end of the run before it.
 */
final class UnspacedNames {
    private static final int MAX_RUN = 8;
    private static final int MAX_NAME = 5;

    private final UnknownNameIndex index;

    UnspacedNames(UnknownNameIndex index) {
        this.index = index;
    }

    static boolean isHangul(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
    }

    static boolean isKanaOrHan(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || cp == 'ー';
    }

    /**
     * A Hangul name at the start of word w; its honorific ("씨", glued or the next word) belongs to the
     * name, other particles stay. bareOnly: the word must be the name alone (before a style tail).
     */
    Found hangul(String text, List<Word> words, int i, boolean bareOnly) {
        Word w = words.get(i);
        String t = w.text();
        if (!isHangul(t.codePointAt(0)) || index.unspacedWords.contains(t)) {
            return null;
        }
        for (int s = Math.min(2, t.length()); s >= 1; s--) {
            String surname = t.substring(0, s);
            if (!index.hangulSurnames.contains(surname)) {
                continue;
            }
            String rest = t.substring(s);
            String honorificWord = i + 1 < words.size() ? honorificAt(words.get(i + 1).text()) : null;
            String honorificNext = honorificWord == null ? null : index.honorificAfter.get(honorificWord);
            int honorificEnd = honorificWord == null ? -1 : words.get(i + 1).start() + honorificWord.length();
            if ((rest.isEmpty() && honorificNext != null)) {
                return new Found(w.start(), honorificEnd, honorificNext);
            }
            if (index.honorificAfter.containsKey(rest)) {
                return new Found(w.start(), w.end(), index.honorificAfter.get(rest));
            }
            for (int g = Math.min(2, rest.length()); g >= 1; g--) {
                String given = rest.substring(0, g);
                String after = rest.substring(g);
                if (!index.isGivenName(given) || index.unspacedWords.contains(surname + given)) {
                    continue;
                }
                if (after.isEmpty() && honorificNext != null) {
                    return new Found(w.start(), honorificEnd, index.genderOf(given));
                }
                if (index.honorificAfter.containsKey(after)) {
                    return new Found(w.start(), w.end(), index.genderOf(given));
                }
                if (after.isEmpty() || (!bareOnly && index.hangulParticles.contains(after))) {
                    return new Found(w.start(), w.start() + s + g, index.genderOf(given));
                }
            }
        }
        return null;
    }

    /** The Hangul honorific a word starts with, when the rest is a particle ("씨의"), or null. */
    private String honorificAt(String word) {
        for (String honorific : index.honorificAfter.keySet()) {
            if (word.startsWith(honorific) && isHangul(honorific.codePointAt(0))) {
                String rest = word.substring(honorific.length());
                if (rest.isEmpty() || index.hangulParticles.contains(rest)) {
                    return honorific;
                }
            }
        }
        return null;
    }

    /**
     * The Kana or Han name that ends at cueStart, or null. A trailing honorific of the run ("田中さん" before
     * "のような") is part of the name. bareSurname: a family name alone counts (before an honorific or a
     * style tail: "田中さん", "田中風"). katakanaNames: a Katakana word is a name (before an honorific:
     * "ジョンさん"; before a style tail it is a style word: "レトロ調").
     */
    Found before(String text, int cueStart, boolean bareSurname, String cueGender, boolean katakanaNames) {
        int runStart = cueStart;
        while (runStart > 0 && cueStart - runStart < MAX_RUN && isKanaOrHan(text.codePointBefore(runStart))) {
            runStart -= Character.charCount(text.codePointBefore(runStart));
        }
        String run = text.substring(runStart, cueStart);
        String gender = cueGender;
        for (Map.Entry<String, String> h : index.honorificAfter.entrySet()) {
            if (!h.getKey().isEmpty() && run.endsWith(h.getKey()) && run.length() > h.getKey().length()
                    && !isHangul(h.getKey().codePointAt(0))) {
                run = run.substring(0, run.length() - h.getKey().length());
                bareSurname = true;
                gender = h.getValue();
                break;
            }
        }
        if (run.isEmpty()) {
            return null;
        }
        boolean japanese = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA);
        List<String> candidates = new ArrayList<>();
        for (int len = Math.min(MAX_NAME, run.length()); len >= 1; len--) {
            candidates.add(run.substring(run.length() - len));
        }
        for (String name : candidates) {
            if (index.unspacedWords.contains(name)) {
                return null;
            }
            String family = familyPrefix(name, japanese);
            if (family != null && (index.isGivenName(name.substring(family.length()))
                    || (bareSurname && family.length() == name.length() && (family.length() > 1 || !japanese)))) {
                String given = name.substring(family.length());
                String g = given.isEmpty() ? gender : index.genderOf(given);
                return new Found(runStart + run.length() - name.length(), cueStart, g);
            }
        }
        for (String name : candidates) {
            boolean katakana = name.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA || cp == 'ー' || cp == '・');
            if (index.isGivenName(name) || (katakanaNames && katakana && name.length() > 1)) {
                return new Found(runStart + run.length() - name.length(), cueStart, index.isGivenName(name) ? index.genderOf(name) : gender);
            }
        }
        return null;
    }

    private String familyPrefix(String name, boolean japanese) {
        for (int len = Math.min(3, name.length()); len >= 1; len--) {
            String prefix = name.substring(0, len);
            if (japanese ? index.japaneseSurnames.contains(prefix) : index.chineseSurnames.contains(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}

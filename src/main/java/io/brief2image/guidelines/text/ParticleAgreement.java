package io.brief2image.guidelines.text;

import io.brief2image.guidelines.policy.Grammar.ParticlePair;

import java.util.Comparator;
import java.util.List;

/**
 * Scripts without spaces glue particles to names ("메르켈이"); when the name is replaced, a particle that
 * depends on the last sound must follow the description instead ("... 여자가").
 */
public final class ParticleAgreement {
    private static final int HANGUL_FIRST_SYLLABLE = 0xAC00;
    private static final int HANGUL_LAST_SYLLABLE = 0xD7A3;
    private static final int FINAL_CONSONANTS_PER_SYLLABLE = 28;

    private ParticleAgreement() {
    }

    /** The particle form at text[index...] that suits replacement, or null if none needs changing. */
    public static Fix fixAfter(String text, int index, String replacement, List<ParticlePair> pairs) {
        if (replacement.isEmpty() || pairs.isEmpty()) {
            return null;
        }
        Boolean consonant = endsInConsonant(replacement.codePointBefore(replacement.length()));
        if (consonant == null) {
            return null;
        }
        String rest = text.substring(index);
        // longest form first, so "이랑" is not read as "이" + "랑"
        List<String[]> forms = pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(new String[]{p.afterConsonant(), p.afterConsonant(), p.afterVowel()},
                        new String[]{p.afterVowel(), p.afterConsonant(), p.afterVowel()}))
                .sorted(Comparator.comparingInt((String[] f) -> f[0].length()).reversed())
                .toList();
        for (String[] form : forms) {
            if (rest.startsWith(form[0])) {
                String wanted = consonant ? form[1] : form[2];
                return wanted.equals(form[0]) ? null : new Fix(form[0].length(), wanted);
            }
        }
        return null;
    }

    public record Fix(int length, String particle) {
    }

    /** Null when the character is not a Hangul syllable, so no agreement can be worked out. */
    private static Boolean endsInConsonant(int cp) {
        if (cp < HANGUL_FIRST_SYLLABLE || cp > HANGUL_LAST_SYLLABLE) {
            return null;
        }
        return (cp - HANGUL_FIRST_SYLLABLE) % FINAL_CONSONANTS_PER_SYLLABLE != 0;
    }
}

package io.brief2image.guidelines.policy;

import java.util.List;

/**
 * Known rewrites first, then a generic "free of X" fallback for any cue followed by a short noun phrase.
 * {@code lintCues} are negating words the rewrites cannot handle safely ("not bright", "never crowded");
 * they are only reported (by lint), never rewritten.
 */
public record NegationRules(List<String> absorbedLeadWords, List<NegationRewrite> rewrites, List<String> cues,
                            String genericTemplate, String listConjunction, List<String> listSeparators,
                            List<String> objectStopWords, int maxObjectWords, List<String> exceptions,
                            List<String> lintCues) {
    public NegationRules {
        absorbedLeadWords = absorbedLeadWords == null ? List.of() : List.copyOf(absorbedLeadWords);
        rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        cues = cues == null ? List.of() : List.copyOf(cues);
        listSeparators = listSeparators == null ? List.of() : List.copyOf(listSeparators);
        objectStopWords = objectStopWords == null ? List.of() : List.copyOf(objectStopWords);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        lintCues = lintCues == null ? List.of() : List.copyOf(lintCues);
        if (maxObjectWords < 1) {
            maxObjectWords = 1;
        }
    }
}

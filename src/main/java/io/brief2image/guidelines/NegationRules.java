package io.brief2image.guidelines;

import java.util.List;

/** Known rewrites first, then a generic "free of X" fallback for any cue followed by a short noun phrase. */
public record NegationRules(List<String> absorbedLeadWords, List<NegationRewrite> rewrites, List<String> cues,
                            String genericTemplate, String listConjunction, List<String> listSeparators,
                            List<String> objectStopWords, int maxObjectWords, List<String> exceptions) {
    public NegationRules {
        absorbedLeadWords = absorbedLeadWords == null ? List.of() : List.copyOf(absorbedLeadWords);
        rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        cues = cues == null ? List.of() : List.copyOf(cues);
        listSeparators = listSeparators == null ? List.of() : List.copyOf(listSeparators);
        objectStopWords = objectStopWords == null ? List.of() : List.copyOf(objectStopWords);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        if (maxObjectWords < 1) {
            maxObjectWords = 1;
        }
    }
}

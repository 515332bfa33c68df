package io.brief2image.guidelines.policy;

import java.util.List;

/**
 * The {@code negations:} section of guidelines.yaml, for {@code rules.NegationRule}.
 * Known rewrites first, then a generic "free of X" fallback for any cue followed by a short noun phrase.
 * {@code lintCues} are negating words the rewrites cannot handle safely ("not bright", "never crowded");
 * they are only reported (by lint), never rewritten.
 */
public record NegationPolicy(List<String> absorbedLeadWords, List<Rewrite> rewrites, List<String> cues,
                             String genericTemplate, String listConjunction, List<String> listSeparators,
                             List<String> objectStopWords, int maxObjectWords, List<String> exceptions,
                             List<String> lintCues) {
    public NegationPolicy {
        absorbedLeadWords = GuidelinePolicy.listOrEmpty(absorbedLeadWords);
        rewrites = GuidelinePolicy.listOrEmpty(rewrites);
        cues = GuidelinePolicy.listOrEmpty(cues);
        listSeparators = GuidelinePolicy.listOrEmpty(listSeparators);
        objectStopWords = GuidelinePolicy.listOrEmpty(objectStopWords);
        exceptions = GuidelinePolicy.listOrEmpty(exceptions);
        lintCues = GuidelinePolicy.listOrEmpty(lintCues);
        if (maxObjectWords < 1) {
            maxObjectWords = 1;
        }
    }

    /** Negative phrases with a known positive wording. */
    public record Rewrite(List<String> phrases, String replacement) {
        public Rewrite {
            phrases = GuidelinePolicy.listOrEmpty(phrases);
        }
    }
}

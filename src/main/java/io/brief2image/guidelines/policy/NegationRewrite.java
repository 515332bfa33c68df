package io.brief2image.guidelines.policy;

import java.util.List;

/** Negative phrases with a known positive wording. */
public record NegationRewrite(List<String> phrases, String replacement) {
    public NegationRewrite {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}

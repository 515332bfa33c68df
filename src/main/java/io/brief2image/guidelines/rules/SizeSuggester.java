package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.SizeHints;
import io.brief2image.guidelines.text.PhrasePattern;

import java.util.List;
import java.util.regex.Pattern;

/** Picks an image shape from what the prompt describes when the brief does not say. */
final class SizeSuggester {
    private record CompiledRule(String size, Pattern keywords) {
    }

    private final List<CompiledRule> rules;
    private final String fallback;

    SizeSuggester(SizeHints sizes) {
        this.rules = sizes.rules().stream().map(r -> new CompiledRule(r.size(), PhrasePattern.anyOf(r.keywords()))).toList();
        this.fallback = sizes.fallback();
    }

    String suggest(String prompt) {
        if (prompt == null) {
            return fallback;
        }
        return rules.stream()
                .filter(r -> r.keywords().matcher(prompt).find())
                .map(CompiledRule::size)
                .findFirst()
                .orElse(fallback);
    }
}

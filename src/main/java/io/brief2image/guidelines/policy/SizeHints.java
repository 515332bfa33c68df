package io.brief2image.guidelines.policy;

import java.util.List;

/**
 * The {@code sizes:} section of guidelines.yaml, for {@code rules.SizeSuggester}: prompt words that
 * hint at an image shape, in order; the first hint whose keyword appears wins, else the fallback.
 */
public record SizeHints(String fallback, List<Hint> rules) {
    public SizeHints {
        rules = GuidelinePolicy.listOrEmpty(rules);
    }

    /** Prompt words that call for one image size. */
    public record Hint(String size, List<String> keywords) {
        public Hint {
            keywords = GuidelinePolicy.listOrEmpty(keywords);
        }
    }
}

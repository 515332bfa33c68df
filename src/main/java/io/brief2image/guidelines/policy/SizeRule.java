package io.brief2image.guidelines.policy;

import java.util.List;

/** Prompt words that call for one image size. */
public record SizeRule(String size, List<String> keywords) {
    public SizeRule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}

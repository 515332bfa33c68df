package io.brief2image.guidelines.policy;

import java.util.List;

/** Ordered size rules; the first one whose keyword appears wins. */
public record SizeRules(String fallback, List<SizeRule> rules) {
    public SizeRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

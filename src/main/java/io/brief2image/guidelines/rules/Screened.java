package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;

import java.util.List;

/** The text after the guidelines ran, how many images may be made from it, and what was changed. */
public record Screened(String text, int n, List<PolicyAction> actions) {
    public Screened {
        actions = List.copyOf(actions);
    }
}

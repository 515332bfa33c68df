package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;

import java.util.List;

/** One rewriting step of the guidelines; records what it changed in actions. */
interface TextRule {
    String apply(String text, List<PolicyAction> actions);
}

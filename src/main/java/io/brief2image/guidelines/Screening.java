package io.brief2image.guidelines;

import io.brief2image.base.PolicyAction;

import io.brief2image.brief.Brief;
import io.brief2image.base.Sidecar;
import java.util.List;

/**
 * A brief after the guidelines: the prompt to expand, how many images, the size shape, and the
 * actions taken. {@code parent} is the earlier image for reproduce and tune.
 */
public record Screening(Brief brief, String prompt, int n, String size, List<PolicyAction> actions, Sidecar parent, long millis) {
}

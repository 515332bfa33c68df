package io.brief2image.guidelines;

import io.brief2image.base.PolicyAction;
import io.brief2image.base.Sidecar;
import io.brief2image.brief.Brief;

import java.util.List;

/**
 * A brief after the guidelines: the prompt to expand, how many images, the size shape, and the
 * actions taken.
 */
public record Screening(Brief brief, String prompt, int n, String size, List<PolicyAction> actions, long millis) {

    /** The earlier image a reproduce or tune brief renders like, or null. */
    public Sidecar parent() {
        return brief.parent();
    }
}

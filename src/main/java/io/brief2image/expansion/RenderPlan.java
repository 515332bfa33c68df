package io.brief2image.expansion;

import io.brief2image.base.Expansion;

import io.brief2image.brief.Brief;
import io.brief2image.base.PolicyAction;
import java.util.List;
import java.util.Map;

/**
 * A brief made ready for the image model: one task per image, the guideline actions taken, the
 * timings so far, and what the chat calls that expanded it cost (shared by its images' cost_usd).
 */
public record RenderPlan(Brief brief, List<ImageTask> tasks, List<PolicyAction> policy, Expansion expansion,
                         Map<String, Long> timingsMs, double chatCostUsd) {

    public RenderPlan(Brief brief, List<ImageTask> tasks, List<PolicyAction> policy, Expansion expansion, Map<String, Long> timingsMs) {
        this(brief, tasks, policy, expansion, timingsMs, 0);
    }
}

package io.brief2image.expansion;

import io.brief2image.brief.Brief;
import io.brief2image.guidelines.PolicyAction;
import java.util.List;
import java.util.Map;

/** A brief made ready for the image model: one task per image, the guideline actions taken, the timings so far. */
public record RenderPlan(Brief brief, List<ImageTask> tasks, List<PolicyAction> policy, Expansion expansion,
                         Map<String, Long> timingsMs) {
}

package io.brief2image.render;

import io.brief2image.admission.SpendBudget;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import java.util.List;

/**
 * One line of a batch brief, ready for a batch file: the plan it belongs to (the brief, after
 * guidelines and expansion), the tasks (images) it makes, the request its body is built from (the
 * same one a synchronous call would send) and the budget reservation already held for it at the
 * batch price ({@code reserved.usd()}).
 */
public record BatchLine(RenderPlan plan, List<ImageTask> tasks, ImageRequest request, SpendBudget.Reservation reserved) {

    public BatchLine {
        tasks = List.copyOf(tasks);
    }
}

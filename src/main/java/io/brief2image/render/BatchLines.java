package io.brief2image.render;

import io.brief2image.admission.Estimates;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.admission.SpendBudget;
import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelTable;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The batch step (route batch.yaml, bean {@code batchLines}): a batch brief's plan, cut into the same
 * calls the {@link Renderer} would make, each admitted at the batch price (the synchronous estimate
 * times the model's {@code batch_discount}) and handed to the {@link BatchLineSink} as one line. A
 * provider whose server has no Batch API (the Responses API provider) makes the brief now through the
 * renderer, at the full price, with a warning.
 */
public final class BatchLines {

    /** Set when the sink queued the brief's lines: the batch path publishes its images later. */
    public static final String QUEUED = "b2iBatchQueued";

    private final Renderer renderer;
    private final BatchLineSink sink;
    private final PaymentAdmission admission;
    private final Estimates estimates;
    private final ModelTable models;

    public BatchLines(Renderer renderer, BatchLineSink sink, PaymentAdmission admission, Estimates estimates, ModelTable models) {
        this.renderer = renderer;
        this.sink = sink;
        this.admission = admission;
        this.estimates = estimates;
        this.models = models;
    }

    /** The batch price of the call a group of tasks makes: what its line reserves. */
    public double batchPrice(RenderPlan plan, List<ImageTask> group) {
        return Renderer.nowPrice(plan, estimates, group) * plan.brief().model().batchFactor();
    }

    public RenderedBrief collect(RenderPlan plan, Exchange exchange) {
        ImageProvider provider = renderer.providerOf(plan);
        if (!models.batchesThrough(provider.name())) {
            return renderer.render(withWarnings(plan, Set.of("priority batch was asked for, but the provider " + provider.name()
                    + " has no Batch API: the images were made now, at the full price")));
        }
        List<RenderedImage> made = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        boolean queued = false;
        try {
            for (List<ImageTask> group : Renderer.groups(plan, provider)) {
                SpendBudget.Reservation reserved = admission.admit("batch line", plan.brief().id(), batchPrice(plan, group),
                        Renderer.bytesOf(estimates, group));
                BatchLineSink.Taken taken;
                try {
                    taken = sink.take(new BatchLine(plan, group, Renderer.requestFor(plan, group), reserved), exchange);
                } catch (RuntimeException e) {
                    admission.release(reserved);
                    throw e;
                }
                made.addAll(taken.images());
                queued |= taken.queued();
                if (taken.warning() != null) {
                    warnings.add(taken.warning());
                }
            }
        } catch (RuntimeException e) {
            made.forEach(image -> image.stored().file().toFile().delete());
            admission.done(plan.brief().id());
            throw e;
        }
        exchange.setProperty(QUEUED, queued);
        return new RenderedBrief(withWarnings(plan, warnings), List.copyOf(made));
    }

    private static RenderPlan withWarnings(RenderPlan plan, Set<String> warnings) {
        Brief brief = plan.brief();
        for (String warning : warnings) {
            brief = brief.withWarning(warning);
        }
        return new RenderPlan(brief, plan.tasks(), plan.policy(), plan.expansion(), plan.timingsMs(), plan.chatCostUsd());
    }
}

package io.brief2image.render;

import io.brief2image.admission.Estimates;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.admission.SpendBudget;
import io.brief2image.base.Sidecar;
import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelTable;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The batch step (route batch.yaml, bean {@code batchLines}): a batch brief's plan, cut into the same
 * calls the {@link Renderer} would make, each admitted at the batch price (the synchronous estimate
 * times the model's {@code batch_discount}) and handed to the {@link BatchLineSink} as one line each,
all lines of a brief at once (all or none are in a batch). Images of the brief already in the outbox
from an attempt that failed part way are not asked for again. A
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
                    + " has no Batch API: the images were made now, at the full price")), exchange);
        }
        List<Sidecar> earlier = Renderer.madeBefore(exchange);
        List<ImageTask> missing = Renderer.missing(plan, earlier);
        if (missing.isEmpty()) {
            exchange.setProperty(QUEUED, false);
            return new RenderedBrief(plan, List.of(), earlier);
        }
        // every line is admitted before the sink sees any, and the sink takes all or none: a brief that
        // fails here leaves no line in a batch (paid for, and awaited by nobody)
        List<BatchLine> lines = new ArrayList<>();
        BatchLineSink.Taken taken;
        try {
            for (List<ImageTask> group : Renderer.groups(plan.brief(), missing, provider)) {
                SpendBudget.Reservation reserved = admission.admit("batch line", plan.brief().id(), batchPrice(plan, group),
                        Renderer.bytesOf(estimates, group));
                lines.add(new BatchLine(plan, group, Renderer.requestFor(plan, group), reserved));
            }
            taken = sink.take(lines, exchange);
        } catch (RuntimeException e) {
            lines.forEach(line -> admission.release(line.reserved()));
            admission.done(plan.brief().id());
            Renderer.madeSoFar(exchange, new RenderedBrief(plan, List.of(), earlier));
            throw e;
        }
        exchange.setProperty(QUEUED, taken.queued());
        Set<String> warnings = taken.warning() == null ? Set.of() : Set.of(taken.warning());
        return new RenderedBrief(withWarnings(plan, warnings), taken.images(), earlier);
    }

    private static RenderPlan withWarnings(RenderPlan plan, Set<String> warnings) {
        Brief brief = plan.brief();
        for (String warning : warnings) {
            brief = brief.withWarning(warning);
        }
        return new RenderPlan(brief, plan.tasks(), plan.policy(), plan.expansion(), plan.timingsMs(), plan.chatCostUsd());
    }
}

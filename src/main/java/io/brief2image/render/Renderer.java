package io.brief2image.render;

import io.brief2image.admission.CostEstimate;
import io.brief2image.admission.Estimates;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.BriefResult;
import io.brief2image.base.Sidecar;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.base.PartialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.admission.SpendBudget;

/**
 * Makes the images of a plan. Tasks that share a prompt go in one call where the provider and the
 * model allow several images per call; everything else is one call per image.
 */
public final class Renderer {

    private final ProviderRegistry providers;
    private final ProviderCalls calls;
    private final PartialFiles partials;
    private final PaidImages paid;
    private final PaymentAdmission admission;
    private final Estimates estimates;

    public Renderer(ProviderRegistry providers, ProviderCalls calls, PartialFiles partials, PaidImages paid, PaymentAdmission admission,
                    Estimates estimates) {
        this.providers = providers;
        this.calls = calls;
        this.partials = partials;
        this.paid = paid;
        this.admission = admission;
        this.estimates = estimates;
    }

    /**
     * The produce route's step: the plan's images, but those already in the outbox from an attempt that failed part way
     * ({@link DuplicateGate#MADE_BEFORE}): they are neither made nor paid for again. When a call fails,
     * the images made before it are paid for: they go with the failure ({@link RenderedBrief#MADE_SO_FAR})
     * to the error handler, which publishes them, never deleted.
     */
    public RenderedBrief render(RenderPlan plan, Exchange exchange) {
        ImageProvider provider = providers.forModel(plan.brief().model());
        List<Sidecar> earlier = madeBefore(exchange);
        List<RenderedImage> done = new ArrayList<>();
        try {
            // paid for by an attempt that died before the outbox (PaidImages): taken, not made and paid for again
            List<ImageTask> toMake = new ArrayList<>();
            for (ImageTask task : missing(plan, earlier)) {
                paid.find(plan.brief().fingerprint(), task).ifPresentOrElse(done::add, () -> toMake.add(task));
            }
            if (!toMake.isEmpty()) {
                for (List<ImageTask> group : groups(plan.brief(), toMake, provider)) {
                    done.addAll(renderGroup(plan, provider, group));
                }
            }
            done.sort(java.util.Comparator.comparingInt(image -> image.task().index()));
            return new RenderedBrief(plan, done, earlier);
        } catch (RuntimeException e) {
            madeSoFar(exchange, new RenderedBrief(plan, done, earlier));
            admission.done(plan.brief().id());
            throw e;
        }
    }

    /** The outbox images of this brief from an earlier attempt that failed part way, none as a rule. */
    static List<Sidecar> madeBefore(Exchange exchange) {
        BriefResult before = exchange == null ? null : exchange.getProperty(DuplicateGate.MADE_BEFORE, BriefResult.class);
        return before == null ? List.of() : before.images();
    }

    /** The plan's tasks whose image is not in the outbox yet. */
    static List<ImageTask> missing(RenderPlan plan, List<Sidecar> earlier) {
        Set<String> made = earlier.stream().map(Sidecar::imageId).collect(Collectors.toSet());
        return plan.tasks().stream().filter(task -> !made.contains(task.imageId())).toList();
    }

    /** Hands the paid images of a brief that fails to the error handler; without an exchange (a tool) they are left as they are. */
    static void madeSoFar(Exchange exchange, RenderedBrief made) {
        if (exchange != null && made.madeCount() > 0) {
            exchange.setProperty(RenderedBrief.MADE_SO_FAR, made);
        }
    }

    /** The provider call that makes a group of tasks (one call, one batch line). */
    static ImageRequest requestFor(RenderPlan plan, List<ImageTask> group) {
        ImageTask first = group.get(0);
        return new ImageRequest(plan.brief().model(), first.imagePrompt(), group.size(),
                group.stream().map(ImageTask::seed).toList(), first.size(), first.quality(), first.style(),
                first.outputFormat(), first.background(), first.baseImage());
    }

    /** What the call for a group may cost at most made now, at the synchronous price. */
    static double nowPrice(RenderPlan plan, Estimates estimates, List<ImageTask> group) {
        ImageTask first = group.get(0);
        return CostEstimate.before(plan.brief().model(), estimates, first.imagePrompt(), first.size(), first.quality(),
                group.size(), first.baseImage() != null);
    }

    static long bytesOf(Estimates estimates, List<ImageTask> group) {
        return estimates.imageBytes(group.get(0).size(), group.get(0).outputFormat()) * group.size();
    }

    public ImageProvider providerOf(RenderPlan plan) {
        return providers.forModel(plan.brief().model());
    }

    /** Makes one group now, admitted and paid at the synchronous price. */
    List<RenderedImage> renderGroup(RenderPlan plan, ImageProvider provider, List<ImageTask> group) {
        ImageTask first = group.get(0);
        ImageRequest request = requestFor(plan, group);
        // reserved before the request is sent: concurrent briefs can never together pass the budget
        SpendBudget.Reservation reservation = admission.admit("image request", plan.brief().id(),
                nowPrice(plan, estimates, group), bytesOf(estimates, group));
        ProviderCalls.Attempted<ProviderResult> attempted;
        try {
            attempted = calls.call(provider.name() + " " + plan.brief().model().id(),
                    group.size(), () -> provider.generate(request, partials::next));
        } catch (RuntimeException e) {
            admission.release(reservation);
            throw e;
        }
        ProviderResult result = attempted.value();
        double callCost = CostEstimate.of(plan.brief().model(), result.usage(), first.quality(), first.size(), group.size());
        // paid as soon as the provider answered, even if the brief fails later
        admission.settle(reservation, callCost);
        // the chat calls that expanded the brief are shared by its images
        double cost = callCost / group.size() + plan.chatCostUsd() / Math.max(1, plan.tasks().size());
        List<RenderedImage> images = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            ImageTask task = group.get(i);
            ProviderResult.Image image = result.images().get(i);
            boolean providerRevised = image.revisedPrompt() != null && !image.revisedPrompt().isBlank();
            images.add(new RenderedImage(task, image.stored(),
                    providerRevised ? image.revisedPrompt() : task.revisedPrompt(),
                    providerRevised ? "provider" : task.revisedBy(),
                    image.seed() != null ? image.seed() : task.seed(),
                    provider.honorsSeeds(), provider.name(), result.usage(), result.requestId(),
                    attempted.attempts(), attempted.latency().toMillis(), cost));
        }
        // kept as paid at once: a process that dies before the outbox does not lose them (nor pay for them again)
        images.replaceAll(image -> paid.keep(plan.brief().fingerprint(), image));
        // extra images a provider sent beyond what was asked are not published
        for (int i = group.size(); i < result.images().size(); i++) {
            try {
                Files.deleteIfExists(result.images().get(i).stored().file());
            } catch (IOException ignored) {
                // a stray temp file is cleaned at the next start
            }
        }
        return images;
    }

    static List<List<ImageTask>> groups(RenderPlan plan, ImageProvider provider) {
        return groups(plan.brief(), plan.tasks(), provider);
    }

    static List<List<ImageTask>> groups(io.brief2image.brief.Brief brief, List<ImageTask> tasks, ImageProvider provider) {
        int perCall = provider.batches() ? Math.max(1, brief.model().nMax()) : 1;
        List<List<ImageTask>> groups = new ArrayList<>();
        List<ImageTask> current = new ArrayList<>();
        for (ImageTask task : tasks) {
            if (!current.isEmpty() && !(current.size() < perCall && sameCall(current.get(current.size() - 1), task, provider))) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(task);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        if (groups.isEmpty()) {
            throw new BriefFailure("render", "There is no image to make for this brief: ask for at least one image with 'n'.");
        }
        return groups;
    }

    /** Same prompt and settings, and (for seeded providers) the next seed: one call can make both. */
    private static boolean sameCall(ImageTask previous, ImageTask next, ImageProvider provider) {
        return previous.imagePrompt().equals(next.imagePrompt())
                && Objects.equals(previous.baseImage(), next.baseImage())
                && Objects.equals(previous.size(), next.size())
                && (!provider.honorsSeeds() || next.seed() == previous.seed() + 1);
    }
}

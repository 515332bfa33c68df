package io.brief2image.guidelines;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.rules.GuidelineBlockedException;

import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelLifecycle;
import io.brief2image.brief.ModelSpec;
import io.brief2image.base.BriefFailure;
import io.brief2image.outbox.OutboxWriter;
import io.brief2image.base.Sidecar;
import java.util.ArrayList;
import java.util.List;

/**
 * The guidelines step of the pipeline: screens the brief's prompt and count, picks a size from the
 * prompt when the brief gives none, and looks up the earlier image of a reproduce or tune brief.
 */
public final class GuidelineStage {

    private final Guidelines guidelines;
    private final OutboxWriter outbox;
    private final ModelLifecycle models;

    public GuidelineStage(Guidelines guidelines, OutboxWriter outbox, ModelLifecycle models) {
        this.guidelines = guidelines;
        this.outbox = outbox;
        this.models = models;
    }

    public Screening screen(Brief brief) {
        long started = System.nanoTime();
        String parentId = brief.isReproduce() ? brief.reproduce() : brief.baseImage();
        if (parentId != null) {
            Sidecar parent = outbox.find(parentId).orElseThrow(() -> new BriefFailure("validation",
                    "The field '" + (brief.isReproduce() ? "reproduce" : "base_image") + "' names the image '" + parentId
                            + "', but there is no earlier image with that id in the outbox: use the image_id from an existing sidecar."));
            List<PolicyAction> actions = new ArrayList<>();
            Brief rebased = brief.rerendering(parentModel(parent, brief, actions),
                    parent.style(), parent.outputFormat(), parent.background());
            String prompt = parent.imagePrompt();
            if (brief.isTune()) {
                Screened change = screenText(brief.change(), 1, true);
                actions.addAll(change.actions());
                prompt = change.text();
            }
            return new Screening(rebased, prompt, 1, parent.size(), List.copyOf(actions), parent, elapsed(started));
        }
        Screened screened = screenText(brief.prompt(), brief.n(), brief.nGiven());
        List<PolicyAction> actions = new ArrayList<>(brief.policy());
        actions.addAll(screened.actions());
        String size = brief.size();
        if (size == null) {
            size = guidelines.suggestSize(screened.text());
            actions.add(new PolicyAction("size", "chosen", "no size given; '" + size + "' suits the prompt"));
        }
        return new Screening(brief, screened.text(), screened.n(), size, List.copyOf(actions), null, elapsed(started));
    }

    /** The earlier image's model, or its replacement when it has been shut down since. */
    private ModelSpec parentModel(Sidecar parent, Brief brief, List<PolicyAction> actions) {
        if (models.table().find(parent.model()).isEmpty()) {
            return brief.model();
        }
        try {
            ModelLifecycle.Resolved resolved = models.resolve(parent.model());
            actions.addAll(resolved.policy());
            return resolved.model();
        } catch (ModelLifecycle.Refused refused) {
            throw new BriefFailure("validation", "The earlier image was made with " + refused.what() + ", so it cannot be made again: "
                    + (refused.replacement() == null ? "write a new brief for another model."
                    : "set retired-models=replace to render it on " + refused.replacement() + ", or write a new brief."));
        }
    }

    private Screened screenText(String text, int n, boolean nGiven) {
        try {
            return guidelines.screenBrief(text, n, nGiven);
        } catch (GuidelineBlockedException blocked) {
            throw new BriefFailure("guidelines", blocked.reason());
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

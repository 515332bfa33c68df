package io.brief2image.guidelines;

import io.brief2image.guidelines.rules.Screened;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.PolicyAction;
import io.brief2image.base.Sidecar;
import io.brief2image.brief.Brief;
import io.brief2image.guidelines.rules.GuidelineBlockedException;

import java.util.ArrayList;
import java.util.List;

/**
 * The guidelines step of the pipeline: screens the brief's prompt and count, and picks a size from the
 * prompt when the brief gives none. A reproduce or tune brief arrives with its earlier image attached
 * (the outbox's earlier-images step): it keeps that image's prompt and size, and only a tune's change
 * is screened.
 */
public final class GuidelineStage {

    private final Guidelines guidelines;

    public GuidelineStage(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    public Screening screen(Brief brief) {
        long started = System.nanoTime();
        Sidecar parent = brief.parent();
        List<PolicyAction> actions = new ArrayList<>(brief.policy());
        if (parent != null) {
            String prompt = parent.imagePrompt();
            if (brief.isTune()) {
                Screened change = screenText(brief.change(), 1, true);
                actions.addAll(change.actions());
                prompt = change.text();
            }
            return new Screening(brief, prompt, 1, parent.size(), List.copyOf(actions), elapsed(started));
        }
        Screened screened = screenText(brief.prompt(), brief.n(), brief.nGiven());
        actions.addAll(screened.actions());
        String size = brief.size();
        if (size == null) {
            size = guidelines.suggestSize(screened.text());
            actions.add(new PolicyAction("size", "chosen", "no size given; '" + size + "' suits the prompt"));
        }
        return new Screening(brief, screened.text(), screened.n(), size, List.copyOf(actions), elapsed(started));
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

package io.brief2image.render;

import io.brief2image.base.Sidecar;
import io.brief2image.expansion.RenderPlan;
import java.util.List;

/**
 * A plan and the images made for it. {@code earlier}: the sidecars of its images already in the outbox
 * from an attempt that failed part way (they are not made, nor paid for, again); empty as a rule.
 */
public record RenderedBrief(RenderPlan plan, List<RenderedImage> images, List<Sidecar> earlier) {

    /**
     * Exchange property: the images made and paid for of a brief that then failed (a RenderedBrief).
     * The error handler publishes them (outbox.MadeSoFar) instead of throwing them away.
     */
    public static final String MADE_SO_FAR = "b2iMadeSoFar";

    public RenderedBrief {
        images = List.copyOf(images);
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    public RenderedBrief(RenderPlan plan, List<RenderedImage> images) {
        this(plan, images, List.of());
    }

    /** How many of the plan's images exist: made now and in the outbox before. */
    public int madeCount() {
        return images.size() + earlier.size();
    }
}

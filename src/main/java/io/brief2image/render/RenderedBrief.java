package io.brief2image.render;

import io.brief2image.expansion.RenderPlan;
import java.util.List;

/** A plan and the images made for it. */
public record RenderedBrief(RenderPlan plan, List<RenderedImage> images) {
}

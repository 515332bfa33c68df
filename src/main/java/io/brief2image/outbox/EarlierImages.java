package io.brief2image.outbox;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.Sidecar;
import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelLifecycle;

import java.util.List;

/**
 * The earlier-images step of the pipeline: a reproduce or tune brief names an image made before, and
 * renders like it. This step reads that image's sidecar from the outbox (which owns the sidecar format)
 * and attaches it to the brief, re-based on the earlier image's model, style, output format and
 * background; any other brief passes unchanged.
 */
public final class EarlierImages {

    private final OutboxWriter outbox;
    private final ModelLifecycle models;

    public EarlierImages(OutboxWriter outbox, ModelLifecycle models) {
        this.outbox = outbox;
        this.models = models;
    }

    public Brief attach(Brief brief) {
        String parentId = brief.isReproduce() ? brief.reproduce() : brief.baseImage();
        if (parentId == null) {
            return brief;
        }
        Sidecar parent = outbox.find(parentId).orElseThrow(() -> new BriefFailure("validation",
                "The field '" + (brief.isReproduce() ? "reproduce" : "base_image") + "' names the image '" + parentId
                        + "', but there is no earlier image with that id in the outbox: use the image_id from an existing sidecar."));
        if (models.table().find(parent.model()).isEmpty()) {
            // a model the model table no longer lists: the brief renders on its own model
            return brief.rerendering(parent, brief.model(), List.of());
        }
        try {
            ModelLifecycle.Resolved resolved = models.resolve(parent.model());
            return brief.rerendering(parent, resolved.model(), resolved.policy());
        } catch (ModelLifecycle.Refused refused) {
            throw new BriefFailure("validation", "The earlier image was made with " + refused.what() + ", so it cannot be made again: "
                    + (refused.replacement() == null ? "write a new brief for another model."
                    : "set retired-models=replace to render it on " + refused.replacement() + ", or write a new brief."));
        }
    }
}

package io.brief2image.render;

import io.brief2image.admission.PaymentAdmission;

/**
 * The stand-in batch line sink until the batch path exists: nothing is lost and the money is honest.
 * It gives back the line's reservation at the batch price and makes the line at once through the
 * {@link Renderer}, which admits and settles it at the full synchronous price; the sidecars say so
 * ({@link #WARNING}) and keep {@code priority: batch}, so the brief can be told apart.
 */
public final class RenderNowInstead implements BatchLineSink {

    public static final String WARNING = "the batch path is not available yet: the images were made now, at the full (synchronous) price";

    private final Renderer renderer;
    private final PaymentAdmission admission;

    public RenderNowInstead(Renderer renderer, PaymentAdmission admission) {
        this.renderer = renderer;
        this.admission = admission;
    }

    @Override
    public Taken take(BatchLine line) {
        admission.release(line.reserved());
        return Taken.made(renderer.renderGroup(line.plan(), renderer.providerOf(line.plan()), line.tasks()), WARNING);
    }
}

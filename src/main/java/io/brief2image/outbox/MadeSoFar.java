package io.brief2image.outbox;

import io.brief2image.base.BriefResult;
import io.brief2image.base.Sidecar;
import io.brief2image.brief.Brief;
import io.brief2image.dedupe.Ledger;
import io.brief2image.expansion.ImageTask;
import io.brief2image.render.RenderedBrief;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * The images of a brief that failed part way: they are paid for, so they are published to the outbox
 * as any image (sidecar and all), never thrown away, and the ledger records the brief as partial
 * ({@link Ledger#recordPartial}): made again (a replay, or a brief redelivered after a stop), it makes
 * and pays for only the missing images. The error handlers call {@link #keep} before anything else: the
 * dead-letter channel (its reason then says what was made) and a stop's roll-back to the queue.
 */
public final class MadeSoFar {

    /** Exchange property: what {@link #keep} published (a {@link Kept}), so a second call does nothing. */
    public static final String KEPT = "b2iKept";

    /** The brief's images in the outbox ({@code made}: a done result of them) and the image ids still missing. */
    public record Kept(BriefResult made, int total, List<String> missing) {
    }

    private final OutboxWriter outbox;
    private final Ledger ledger;

    public MadeSoFar(OutboxWriter outbox, Ledger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Publishes the paid images of a failed brief (none: nothing happens) and says what is made and what is missing. */
    public Optional<Kept> keep(Exchange exchange) {
        Kept kept = exchange.getProperty(KEPT, Kept.class);
        if (kept != null) {
            return Optional.of(kept);
        }
        RenderedBrief made = exchange.getProperty(RenderedBrief.MADE_SO_FAR, RenderedBrief.class);
        exchange.removeProperty(RenderedBrief.MADE_SO_FAR);
        if (made == null || made.madeCount() == 0) {
            return Optional.empty();
        }
        Brief brief = made.plan().brief();
        BriefResult result = made.images().isEmpty()
                ? BriefResult.done(brief.id(), made.earlier(), brief.source(), false)
                : outbox.publish(made);
        ledger.recordPartial(brief, result);
        Set<String> there = result.images().stream().map(Sidecar::imageId).collect(Collectors.toSet());
        List<String> missing = made.plan().tasks().stream().map(ImageTask::imageId).filter(id -> !there.contains(id)).toList();
        kept = new Kept(result, made.plan().tasks().size(), missing);
        exchange.setProperty(KEPT, kept);
        return Optional.of(kept);
    }

    /** Route step of a stop's roll-back (produce.yaml): the images made before the stop stay in the outbox. */
    public void beforeRollback(Exchange exchange) {
        keep(exchange);
    }
}

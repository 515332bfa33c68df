package io.brief2image.ops;

import io.brief2image.brief.Brief;
import io.brief2image.brief.BriefIntake;
import io.brief2image.dedupe.Ledger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A brief sent back to the queue ({@link BriefDeferred}): it gives up its id claim so its redelivery can take it. */
public final class Deferrals {

    private static final Logger LOG = LoggerFactory.getLogger(Deferrals.class);
    private final Ledger ledger;

    public Deferrals(Ledger ledger) {
        this.ledger = ledger;
    }

    public void backToQueue(Exchange exchange) {
        Brief brief = exchange.getProperty(BriefIntake.BRIEF, Brief.class);
        if (brief != null) {
            ledger.release(brief.id());
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.info("brief {} goes back to the queue: {}", brief == null ? "(unread)" : brief.id(), cause == null ? "" : cause.getMessage());
    }
}

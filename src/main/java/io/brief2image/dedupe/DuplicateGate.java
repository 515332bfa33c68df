package io.brief2image.dedupe;

import io.brief2image.brief.Brief;
import io.brief2image.base.BriefResult;
import java.util.Optional;
import org.apache.camel.Exchange;

/** The pipeline step that answers a brief already done from the ledger, and claims the id otherwise. */
public final class DuplicateGate {

    public static final String DUPLICATE = "b2iDuplicate";
    public static final String CLAIMED = "b2iClaimed";
    /** The images of this brief already in the outbox from an attempt that failed part way (a BriefResult); absent when none. */
    public static final String MADE_BEFORE = "b2iMadeBefore";

    private final Ledger ledger;

    public DuplicateGate(Ledger ledger) {
        this.ledger = ledger;
    }

    public Object check(Exchange exchange) {
        Brief brief = exchange.getMessage().getBody(Brief.class);
        Optional<BriefResult> earlier = ledger.admit(brief);
        if (earlier.isPresent()) {
            exchange.setProperty(DUPLICATE, true);
            return earlier.get();
        }
        exchange.setProperty(CLAIMED, true);
        exchange.setProperty(DUPLICATE, false);
        ledger.madeBefore(brief).filter(made -> !made.images().isEmpty()).ifPresent(made -> exchange.setProperty(MADE_BEFORE, made));
        return brief;
    }

    /** A failed brief gives its id back, so a corrected brief with the same id can run. */
    public void release(Exchange exchange) {
        Brief brief = exchange.getProperty(io.brief2image.brief.BriefIntake.BRIEF, Brief.class);
        if (brief != null && exchange.getProperty(CLAIMED, false, Boolean.class)) {
            ledger.abandon(brief);
        }
    }
}

package io.brief2image.admission;

import io.brief2image.brief.Brief;
import io.brief2image.brief.BriefIntake;
import io.brief2image.base.ServiceStopping;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A brief sent back to the queue because the service stops ({@link ServiceStopping}): one log line
 * instead of Camel's stack trace, since nothing is wrong with the brief. Its id claim is given back
 * by {@code duplicates.release} in the same route step list (produce.yaml).
 */
public final class Deferrals {

    private static final Logger LOG = LoggerFactory.getLogger(Deferrals.class);

    public void backToQueue(Exchange exchange) {
        Brief brief = exchange.getProperty(BriefIntake.BRIEF, Brief.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.info("brief {} goes back to the queue: {}", brief == null ? "(unread)" : brief.id(), cause == null ? "" : cause.getMessage());
    }
}

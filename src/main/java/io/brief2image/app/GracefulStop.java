package io.brief2image.app;

import io.brief2image.render.ProviderGate;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stop (SIGTERM, Ctrl-C) does to briefs being made. The moment the context starts to stop,
 * no new provider request starts: briefs that have not reached the provider roll back onto the
 * queue, unpaid. Requests already under way get most of {@code stop-timeout} to finish and be
 * written. Whatever still runs then is cut off: a socket read ends with no interrupt, so Camel
 * Main stops waiting and the process exits; the uncommitted transaction leaves the brief on the
 * persistent queue, as after kill -9 (CrashRecoveryIT), and it is made again at the next start.
 * Publication is by rename from data/partial, so the outbox never holds a partial file.
 */
final class GracefulStop extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    /** Camel Main's wait after the routes' timeout, before it lets the JVM go (camel.main.extra-shutdown-timeout). */
    static final int EXTRA_SECONDS = 2;

    private final ProviderGate gate;
    private final CamelContext context;

    private GracefulStop(CamelContext context, ProviderGate gate) {
        this.context = context;
        this.gate = gate;
    }

    /** The routes get the bound less Main's extra wait and a second for the broker to close its store. */
    static void install(CamelContext context, ProviderGate gate, int stopTimeoutSeconds) {
        context.getShutdownStrategy().setTimeout(Math.max(1, stopTimeoutSeconds - EXTRA_SECONDS - 1));
        context.getShutdownStrategy().setShutdownNowOnTimeout(true);
        context.getManagementStrategy().addEventNotifier(new GracefulStop(context, gate));
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        gate.stopAdmitting();
        LOG.info("stopping: {} briefs being made, {} provider requests in flight get up to {} s to finish; no new request starts,"
                + " briefs not yet at the provider go back to the queue", context.getInflightRepository().size("produce"),
                gate.inFlight(), context.getShutdownStrategy().getTimeout());
    }
}

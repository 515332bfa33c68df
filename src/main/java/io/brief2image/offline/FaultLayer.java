package io.brief2image.offline;

import java.io.IOException;
import java.util.Optional;

/**
 * Fault injection as one switch: the queued {@link FaultPlan}, the control API that fills it over
 * HTTP, and the {@link FaultResponder} that acts faults out. Off (the default), the control API
 * answers 404 and no request is ever touched, so a server started only for its images cannot be
 * made to misbehave by whoever reaches its port.
 *
 * @param queued the faults waiting for requests; all three parts are {@code null} when off
 */
record FaultLayer(FaultPlan queued, ControlEndpoint control, FaultResponder responder) {

    static FaultLayer of(boolean enabled, RequestLog log, ServerLifetime lifetime) {
        if (!enabled) {
            return new FaultLayer(null, null, null);
        }
        FaultPlan plan = new FaultPlan();
        return new FaultLayer(plan, new ControlEndpoint(plan, log), new FaultResponder(lifetime));
    }

    /** The plan tests and benchmarks queue faults on; only when fault injection is on. */
    FaultPlan plan() {
        if (queued == null) {
            throw new IllegalStateException("Fault injection is off: start the offline server with "
                    + "OfflineOptions.withFaults(true), or the service with brief2image.offline.faults=true.");
        }
        return queued;
    }

    /** A request under {@link OfflineImageServer#CONTROL_PREFIX}: served when on, 404 when off. */
    void control(String method, String path, byte[] body, Replies replies) throws IOException {
        if (control == null) {
            replies.error(404, "invalid_request_error", null, "not_found", "Invalid URL (" + method + " " + path
                    + "): the offline provider's control API is off; turn it on with brief2image.offline.faults=true.");
            return;
        }
        control.handle(method, path, body, replies);
    }

    /** The next fault queued for a path that is not an HTTP request (a batch line, a new batch); empty when off. */
    Optional<Fault> takeFor(String path) {
        return queued == null ? Optional.empty() : queued.take(path);
    }

    /**
     * Acts out the next fault queued for {@code path}, if any.
     *
     * @return {@code true} when the endpoint's normal reply should still follow
     */
    boolean intercept(String path, Replies replies) throws IOException {
        if (queued == null) {
            return true;
        }
        Optional<Fault> fault = queued.take(path);
        return fault.isEmpty() || responder.act(fault.get(), path, replies);
    }
}

package io.brief2image.offline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Every request goes through here: record it, apply a queued fault if one matches (fault injection on), wait the
 * configured latency, then let the endpoint reply.
 */
final class RequestRouter implements HttpHandler {

    /** A batch input file may be 200 MB; the multipart envelope around it a little more. */
    static final int MAX_BODY = 201 * 1024 * 1024;

    private final List<ApiEndpoint> endpoints;
    private final RequestLog log;
    private final FaultLayer faults;
    private final ServerLifetime lifetime;
    private final Duration latency;

    RequestRouter(List<ApiEndpoint> endpoints, RequestLog log, FaultLayer faults, ServerLifetime lifetime,
                  Duration latency) {
        this.endpoints = List.copyOf(endpoints);
        this.log = log;
        this.faults = faults;
        this.lifetime = lifetime;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (DropConnection drop) {
            // deliberately not closing the exchange: the server then aborts the connection mid-response
            throw drop;
        } catch (IOException | RuntimeException e) {
            // usually the client went away (e.g. it timed out during a hang); nothing left to tell it
            exchange.close();
            return;
        }
        exchange.close();
    }

    private void route(HttpExchange exchange) throws IOException {
        long arrived = epochMicros();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        Replies replies = new Replies(exchange);
        if (body.length > MAX_BODY) {
            replies.error(413, "invalid_request_error", null, "request_too_large",
                    "The request body is larger than " + (MAX_BODY >> 20) + " MB; a batch input file may be at most 200 MB.");
            return;
        }
        if (path.startsWith(OfflineImageServer.CONTROL_PREFIX)) {
            faults.control(method, path, body, replies);
            return;
        }

        IncomingRequest request = IncomingRequest.read(exchange, body);
        List<ApiEndpoint> onPath = endpoints.stream().filter(e -> e.serves(path)).toList();
        ApiEndpoint endpoint = onPath.stream().filter(e -> e.method().equals(method)).findFirst()
                .orElse(onPath.isEmpty() ? null : onPath.get(0));
        log.add(describe(endpoint, request).receivedAt(arrived));
        if (endpoint == null) {
            replies.error(404, "invalid_request_error", null, "not_found",
                    "Invalid URL (" + method + " " + path + ")");
            return;
        }
        if (!method.equals(endpoint.method())) {
            String allowed = String.join(", ", onPath.stream().map(ApiEndpoint::method).distinct().toList());
            exchange.getResponseHeaders().set("Allow", allowed);
            replies.error(405, "invalid_request_error", null, "method_not_allowed",
                    "Method " + method + " is not allowed for " + path + "; use " + allowed + ".");
            return;
        }
        if (!faults.intercept(path, replies)) {
            return;
        }
        ApiEndpoint.PreparedReply reply;
        try {
            reply = endpoint.prepare(request);
        } catch (ApiError error) {
            replies.error(error);
            return;
        }
        if (!lifetime.pause(latency)) {
            throw new DropConnection("server closed during latency");
        }
        reply.send(replies);
    }

    private static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static RecordedRequest describe(ApiEndpoint endpoint, IncomingRequest request) {
        if (endpoint == null) {
            return request.logged();
        }
        try {
            return endpoint.describe(request);
        } catch (RuntimeException e) {
            return request.logged();
        }
    }
}

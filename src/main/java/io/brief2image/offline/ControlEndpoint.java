package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * /_offline/faults and /_offline/requests: the in-process FaultPlan and request log, over HTTP,
 * for pipelines that run the server in a different JVM.
 */
final class ControlEndpoint {

    static final String FAULTS = OfflineImageServer.CONTROL_PREFIX + "/faults";
    static final String REQUESTS = OfflineImageServer.CONTROL_PREFIX + "/requests";

    private final FaultPlan faults;
    private final RequestLog log;

    ControlEndpoint(FaultPlan faults, RequestLog log) {
        this.faults = faults;
        this.log = log;
    }

    void handle(String method, String path, byte[] body, Replies replies) throws IOException {
        try {
            if (path.equals(FAULTS)) {
                faults(method, body, replies);
            } else if (path.equals(REQUESTS)) {
                requests(method, replies);
            } else {
                replies.error(404, "invalid_request_error", null, "not_found", "Unknown control path " + path);
            }
        } catch (ApiError error) {
            replies.error(error);
        }
    }

    private void faults(String method, byte[] body, Replies replies) throws IOException {
        switch (method) {
            case "POST" -> {
                JsonNode json = parse(body);
                int queued = 0;
                for (FaultPlanJson.Entry entry : FaultPlanJson.parse(json)) {
                    faults.next(entry.fault(), entry.times());
                    queued += entry.times();
                }
                replies.json(200, Map.of("queued", queued, "pending", faults.pending().size()));
            }
            case "DELETE" -> {
                faults.clear();
                replies.json(200, Map.of("pending", 0));
            }
            case "GET" -> replies.json(200, faults.pending().stream().map(Fault::toString).toList());
            default -> methodNotAllowed(method, replies);
        }
    }

    private void requests(String method, Replies replies) throws IOException {
        switch (method) {
            case "GET" -> replies.json(200, log.snapshot());
            case "DELETE" -> {
                log.clear();
                replies.json(200, Map.of("cleared", true));
            }
            default -> methodNotAllowed(method, replies);
        }
    }

    private static void methodNotAllowed(String method, Replies replies) throws IOException {
        replies.error(405, "invalid_request_error", null, "method_not_allowed", "Method " + method + " not allowed.");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return OfflineJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.unparseableBody(e.getMessage());
        }
    }
}

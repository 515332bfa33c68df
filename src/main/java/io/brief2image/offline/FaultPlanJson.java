package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the HTTP form of a fault plan, e.g.
 * {@code [{"type":"status","status":429,"code":"rate_limit_exceeded","retry_after":"1","times":2,"path":"/v1/images"}]},
 * so a pipeline running in another JVM can steer faults.
 */
final class FaultPlanJson {

    /** One queued entry: the fault and how many consecutive matching requests it hits. */
    record Entry(Fault fault, int times) {
    }

    private FaultPlanJson() {
    }

    static List<Entry> parse(JsonNode json) {
        List<Entry> entries = new ArrayList<>();
        if (json == null) {
            throw ApiError.unparseableBody("expected a JSON array of faults");
        }
        if (json.isObject()) {
            entries.add(entry(json));
        } else if (json.isArray()) {
            json.forEach(item -> entries.add(entry(item)));
        } else {
            throw ApiError.unparseableBody("expected a JSON array of faults");
        }
        return entries;
    }

    private static Entry entry(JsonNode item) {
        String type = item.path("type").asText("");
        Fault fault = switch (type) {
            case "status" -> statusFault(item);
            case "malformed_json" -> Fault.malformedJson();
            case "truncated_base64" -> Fault.truncatedBase64();
            case "hang" -> Fault.hang(Duration.ofMillis(item.path("millis").asLong(30_000)));
            case "connection_reset" -> Fault.connectionReset();
            case "batch_line" -> statusFault(item).forPath(Fault.BATCH_LINE);
            case "batch_expired" -> Fault.batchExpires();
            case "batch_failed" -> Fault.batchFails(item.path("code").asText("invalid_request"),
                    item.path("message").asText("Offline fault: the batch failed while validating."));
            default -> throw ApiError.invalidValue("type", "Unknown fault type: '" + type + "'. Supported: "
                    + "status, malformed_json, truncated_base64, hang, connection_reset, batch_line, batch_expired, batch_failed.");
        };
        if (item.hasNonNull("path") && !type.startsWith("batch_")) {
            fault = fault.forPath(item.get("path").asText());
        }
        int times = item.path("times").asInt(1);
        if (times < 1) {
            throw ApiError.invalidValue("times", "times must be at least 1");
        }
        return new Entry(fault, times);
    }

    private static Fault statusFault(JsonNode item) {
        int status = item.path("status").asInt(500);
        if (status < 400 || status > 599) {
            throw ApiError.invalidValue("status", "status faults need a 4xx or 5xx status");
        }
        Fault fault = Fault.status(status, item.path("code").asText(null), item.path("message").asText(null));
        return item.hasNonNull("retry_after") ? fault.withRetryAfter(item.get("retry_after").asText()) : fault;
    }
}

package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch as the provider last described it (OpenAI's Batch object). The file ids are null while
 * there is none: no output file when no line succeeded, no error file when none failed.
 *
 * @param errors the batch-level errors of a failed batch, each as "message (line N)"
 */
public record BatchStatus(String id, String status, String endpoint, String inputFileId, String outputFileId,
                          String errorFileId, int total, int completed, int failed, long createdAt, long expiresAt,
                          Map<String, String> metadata, List<String> errors) {

    /**
     * Not one of OpenAI's statuses: the provider answers 404 for the batch (another project's key, a
     * provider that forgot it, e.g. the offline one restarted). Nothing will come of it any more.
     */
    public static final String GONE = "gone";

    /** The statuses after which nothing changes any more. */
    public static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled", GONE);

    /** A batch the provider no longer knows: it ended short, with no file to read. */
    static BatchStatus gone(String batchId) {
        return new BatchStatus(batchId, GONE, null, null, null, null, 0, 0, 0, 0, 0, Map.of(), List.of());
    }

    /** How the batch ended, as the end of a sentence ("its batch … expired before …"). */
    public String ending() {
        return GONE.equals(status) ? "is no longer known to the image service" : status;
    }

    public boolean ended() {
        return ENDED.contains(status);
    }

    /** Ended without running every line (failed, expired or cancelled): the lines not done need another way. */
    public boolean endedShort() {
        return ended() && !"completed".equals(status);
    }

    static BatchStatus of(JsonNode json) {
        JsonNode counts = json.path("request_counts");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("metadata").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            metadata.put(entry.getKey(), entry.getValue().asText());
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : json.path("errors").path("data")) {
            String message = error.path("message").asText(error.path("code").asText("unknown error"));
            errors.add(error.path("line").isNumber() ? message + " (line " + error.path("line").asInt() + ")" : message);
        }
        return new BatchStatus(json.path("id").asText(), json.path("status").asText(), json.path("endpoint").asText(null),
                json.path("input_file_id").asText(null), text(json, "output_file_id"), text(json, "error_file_id"),
                counts.path("total").asInt(), counts.path("completed").asInt(), counts.path("failed").asInt(),
                json.path("created_at").asLong(), json.path("expires_at").asLong(), Map.copyOf(metadata), List.copyOf(errors));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}

package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.http.FaultClass;
import io.brief2image.http.ProviderHttpException;
import java.util.Map;
import java.util.Set;

/**
 * The plain words for a failed batch line: a line with an HTTP status is judged as the same reply to
 * a synchronous call would be ({@link FaultClass}); a line that never ran says why, from a table.
 */
final class BatchLineErrors {

    static final Set<String> UNFINISHED = Set.of("batch_expired", "batch_cancelled", "batch_failed");

    private static final Map<String, String> NOT_RUN = Map.of(
            "batch_expired", "The batch ran out of its 24-hour window before this image was made. It can be sent again.",
            "batch_cancelled", "The batch was cancelled before this image was made. It can be sent again.",
            "batch_failed", "The batch failed before this image was made. It can be sent again.");

    private BatchLineErrors() {
    }

    /** A line with a non-2xx {@code response}: its body has OpenAI's error object. */
    static FaultClass ofResponse(int status, JsonNode body, String requestId) {
        JsonNode error = body.path("error");
        String code = error.path("code").isTextual() ? error.path("code").asText() : error.path("type").asText(null);
        String message = error.path("message").asText("HTTP " + status);
        String param = error.path("param").isTextual() ? error.path("param").asText() : null;
        return FaultClass.of(new ProviderHttpException(status, code, message, param, null, requestId));
    }

    /** A line with only an {@code error}: the request never got a reply. */
    static String ofError(String code, String message) {
        String known = code == null ? null : NOT_RUN.get(code);
        if (known != null) {
            return known;
        }
        return "The image service could not run this request" + (message == null || message.isBlank() ? "" : " ('" + message.strip() + "')")
                + ". It can be sent again; an operator can read the detail of this error report.";
    }
}

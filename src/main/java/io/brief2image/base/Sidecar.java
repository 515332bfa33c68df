package io.brief2image.base;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Source;
import io.brief2image.base.Expansion;
import io.brief2image.base.PolicyAction;
import java.util.List;
import java.util.Map;

/**
 * The JSON record beside each image (docs/DESIGN.md §2), written in snake_case. {@code priority} is the
 * brief's (now or batch) as it was made; {@code costUsd} is at the price actually paid.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Sidecar(
        String briefId, String imageId, int index, int count,
        String file, long bytes, String sha256, String mediaType,
        String prompt, String imagePrompt, String revisedPrompt, String revisedBy,
        long seed, boolean seedHonored,
        String model, String size, String quality, String style, String outputFormat, String background, String provider,
        JsonNode usage, List<PolicyAction> policy, Expansion expansion, String parent, Source source, JsonNode metadata,
        String created, int attempts, Map<String, Long> timingsMs, double costUsd, String requestId,
        String priority, List<String> warnings,
        /* {id, custom_id, line} of the Batch API batch that made the image; absent for images made now */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) JsonNode batch) {
}

package io.brief2image.ops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One image of the gallery, from its sidecar: what was asked, what was sent, what came back.
 * {@code policy} is the sidecar's list of guideline actions, passed through as written.
 */
public record ImageCard(String briefId, String imageId, String file, String mediaType, String prompt,
                        String imagePrompt, String revisedPrompt, long seed, String model, String provider,
                        String created, JsonNode policy) {
}

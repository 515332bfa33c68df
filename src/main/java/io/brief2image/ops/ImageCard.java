package io.brief2image.ops;

import io.brief2image.base.PolicyAction;
import java.util.List;

/**
 * One image of the gallery, from its sidecar: what was asked, what was sent, what came back.
 * {@code policy} is the sidecar's list of guideline actions, as written.
 */
public record ImageCard(String briefId, String imageId, String file, String mediaType, String prompt,
                        String imagePrompt, String revisedPrompt, long seed, String model, String provider,
                        String created, List<PolicyAction> policy) {
}

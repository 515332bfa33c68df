package io.brief2image.guidelines.policy;

import java.util.List;

/**
 * The {@code image_types:} section of guidelines.yaml, for {@code rules.ImageTypeCatalog}: image types,
 * the fallback when none is named, and the mix used for several captions.
 */
public record ImageTypePolicy(String fallback, List<String> defaultRotation, String prefixTemplate, List<ImageType> types) {
    public ImageTypePolicy {
        defaultRotation = defaultRotation == null || defaultRotation.isEmpty() ? List.of(fallback) : List.copyOf(defaultRotation);
        types = GuidelinePolicy.listOrEmpty(types);
    }

    /** A kind of image ("photo", "watercolor painting") and the words that name it in a prompt. */
    public record ImageType(String name, List<String> keywords) {
        public ImageType {
            keywords = GuidelinePolicy.listOrEmpty(keywords);
        }
    }
}

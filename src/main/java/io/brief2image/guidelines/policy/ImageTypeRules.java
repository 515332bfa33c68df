package io.brief2image.guidelines.policy;

import java.util.List;

/** Image types, the fallback when none is named, and the mix used for several captions. */
public record ImageTypeRules(String fallback, List<String> defaultRotation, String prefixTemplate, List<ImageType> types) {
    public ImageTypeRules {
        defaultRotation = defaultRotation == null || defaultRotation.isEmpty() ? List.of(fallback) : List.copyOf(defaultRotation);
        types = types == null ? List.of() : List.copyOf(types);
    }
}

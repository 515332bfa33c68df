package io.brief2image.guidelines.policy;

import java.util.List;

/** A kind of image ("photo", "watercolor painting") and the words that name it in a prompt. */
public record ImageType(String name, List<String> keywords) {
    public ImageType {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}

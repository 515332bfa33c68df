package io.brief2image.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What one provider call produced: images in temp files, token usage and the provider's request id. */
public record ProviderResult(List<Image> images, JsonNode usage, String requestId) {

    /** {@code revisedPrompt} is the provider's own revision (null when it reports none); {@code seed} the seed it used. */
    public record Image(ImageSink.StoredImage stored, String revisedPrompt, Long seed) {
    }
}

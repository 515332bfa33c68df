package io.brief2image.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.expansion.ImageTask;

/** An image made for a task, still in its temp file until the outbox publishes it. */
public record RenderedImage(ImageTask task, ImageSink.StoredImage stored, String revisedPrompt, String revisedBy,
                            long seed, boolean seedHonored, String provider, JsonNode usage, String requestId,
                            int attempts, long renderMs, double costUsd, JsonNode batch) {

    /** An image made now (no batch). */
    public RenderedImage(ImageTask task, ImageSink.StoredImage stored, String revisedPrompt, String revisedBy, long seed, boolean seedHonored,
                         String provider, JsonNode usage, String requestId, int attempts, long renderMs, double costUsd) {
        this(task, stored, revisedPrompt, revisedBy, seed, seedHonored, provider, usage, requestId, attempts, renderMs, costUsd, null);
    }
}

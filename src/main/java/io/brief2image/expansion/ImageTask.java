package io.brief2image.expansion;

import java.nio.file.Path;

/**
 * One image to make: the exact prompt for the image model and everything needed to make it again.
 * {@code revisedPrompt}/{@code revisedBy} record who shaped the prompt before the provider saw it.
 */
public record ImageTask(int index, int count, String imageId, String imagePrompt, String revisedPrompt, String revisedBy,
                        long seed, String size, String quality, String style, String outputFormat, String background,
                        String parent, Path baseImage) {
}

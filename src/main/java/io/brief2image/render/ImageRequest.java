package io.brief2image.render;

import io.brief2image.brief.ModelSpec;
import java.nio.file.Path;
import java.util.List;

/** One provider call: {@code n} images of one prompt, seeds for each, and an optional base image to edit. */
public record ImageRequest(ModelSpec model, String prompt, int n, List<Long> seeds, String size, String quality,
                           String style, String outputFormat, String background, Path baseImage) {
}

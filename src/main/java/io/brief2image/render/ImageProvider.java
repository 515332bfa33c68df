package io.brief2image.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** An image model server reached over HTTP. */
public interface ImageProvider {

    /** As written in sidecars: openai, offline, responses, sd-webui. */
    String name();

    /** Whether the same seed gives the same image, so sidecars can say {@code seed_honored}. */
    boolean honorsSeeds();

    /** Whether one call can return several images of the same prompt. */
    boolean batches();

    ProviderResult generate(ImageRequest request, Supplier<Path> tempFiles) throws IOException;
}

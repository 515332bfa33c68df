package io.brief2image.outbox;

import io.brief2image.base.AtomicFiles;
import io.brief2image.base.Json;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sidecar on disk, {@code outbox/<brief-id>/<image-id>.json} with image ids
 * {@code <brief-id>-<k>}: the one reader and writer of the format (the outbox writes it, reproduce
 * and tune read an earlier one, the gallery reads the newest).
 */
public final class SidecarFiles {

    private SidecarFiles() {
    }

    /** Writes a sidecar into its brief's folder, atomically: a watcher sees all of it or none. */
    public static void write(Sidecar sidecar, Path briefFolder, PartialFiles partials) throws IOException {
        AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(sidecar), briefFolder.resolve(sidecar.imageId() + ".json"));
    }

    /** Reads a sidecar; a damaged or half-written one (by another tool) throws. */
    public static Sidecar read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), Sidecar.class);
    }

    /** The sidecar of an image id ({@code <brief-id>-<k>}) in the outbox, if there is a readable one. */
    public static Optional<Sidecar> find(Path outbox, String imageId) {
        int dash = imageId.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        Path file = outbox.resolve(imageId.substring(0, dash)).resolve(imageId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Matches the names of the sidecars in one brief's folder (not its images, not other JSON). */
    public static Pattern namesIn(String briefId) {
        return Pattern.compile(Pattern.quote(briefId) + "-\\d+\\.json");
    }
}

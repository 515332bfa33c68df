package io.brief2image.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Temp files for images and sidecars being written. They live under the data folder, on the same
 * file system as the outbox, so publishing is an atomic rename and no watcher ever sees a part file.
 */
public final class PartialFiles {

    private final Path dir;

    public PartialFiles(Path dataDir) {
        this.dir = dataDir.resolve("partial");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public Path next() {
        return dir.resolve(UUID.randomUUID() + ".part");
    }

    /** At start nothing of this instance is in flight: leftovers are from a crash and are removed. */
    public int clean() {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".part")).peek(f -> f.toFile().delete()).count();
        } catch (IOException e) {
            return 0;
        }
    }
}

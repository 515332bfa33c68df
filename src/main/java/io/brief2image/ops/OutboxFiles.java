package io.brief2image.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a file to serve over HTTP, only ever inside the outbox. Names are checked before they
 * touch the file system, the resolved path must stay under the outbox, and so must its real path,
 * so neither {@code ..} nor a symbolic link leads out.
 */
public final class OutboxFiles {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp",
            "json", "application/json");

    public record Found(Path file, String contentType) {
    }

    private final Path root;

    public OutboxFiles(Path outbox) {
        this.root = outbox.toAbsolutePath().normalize();
    }

    public Optional<Found> find(String briefId, String fileName) {
        if (!isPlainName(briefId) || !isPlainName(fileName)) {
            return Optional.empty();
        }
        Path candidate = root.resolve(briefId).resolve(fileName).normalize();
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return Optional.of(new Found(real, contentTypeOf(fileName)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean isPlainName(String segment) {
        return segment != null && !segment.startsWith(".") && SEGMENT.matcher(segment).matches();
    }

    private static String contentTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}

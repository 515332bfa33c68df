package io.brief2image.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.AtomicFiles;
import io.brief2image.base.Json;
import io.brief2image.expansion.ImageTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The images the provider has answered, and so been paid for, kept under {@code data/paid} with a
 * record of what made them until the outbox takes them. A process killed between two calls of one
 * brief (a Responses provider makes one image per call; GPT captions differ per image) would
 * otherwise lose the first call's image with the process and pay for it again when the brief is
 * redelivered: the brief made again takes the kept image instead of calling. Files are named by a
 * hash of the brief's fingerprint and the image id, never by brief content.
 */
public final class PaidImages {

    private static final String RECORD = ".paid.json";

    private final Path dir;

    public PaidImages(Path dataDir) {
        this.dir = dataDir.resolve("paid");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Moves a paid image out of the temp files and records it; the image as kept (its file moved). */
    RenderedImage keep(String fingerprint, RenderedImage image) {
        String key = key(fingerprint, image.task());
        Path file = dir.resolve(key + "." + image.stored().mediaType().extension());
        try {
            AtomicFiles.publish(image.stored().file(), file);
            ImageSink.StoredImage stored = new ImageSink.StoredImage(file, image.stored().bytes(), image.stored().sha256(),
                    image.stored().mediaType());
            RenderedImage kept = new RenderedImage(image.task(), stored, image.revisedPrompt(), image.revisedBy(), image.seed(),
                    image.seedHonored(), image.provider(), image.usage(), image.requestId(), image.attempts(), image.renderMs(),
                    image.costUsd(), image.batch());
            AtomicFiles.write(dir.resolve(key + RECORD + ".tmp"), Json.MAPPER.writeValueAsBytes(recordOf(kept)), dir.resolve(key + RECORD));
            return kept;
        } catch (IOException e) {
            // the image stays where the provider's reply put it: this brief still publishes it, only a crash would lose it
            return image;
        }
    }

    /**
     * The image kept for this task of this brief from an attempt that did not get to the outbox. It is
     * paid for, so it is taken even when the captions were written again (a chat model writes other
     * words each time): its task then carries the caption that made it, so the sidecar says what
     * happened.
     */
    Optional<RenderedImage> find(String fingerprint, ImageTask task) {
        String key = key(fingerprint, task);
        Path record = dir.resolve(key + RECORD);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            JsonNode r = Json.MAPPER.readTree(Files.readString(record, StandardCharsets.UTF_8));
            Path file = dir.resolve(r.path("file").asText());
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String prompt = r.path("prompt").asText();
            ImageTask made = prompt.equals(task.imagePrompt()) ? task : new ImageTask(task.index(), task.count(), task.imageId(), prompt,
                    task.revisedPrompt(), task.revisedBy(), task.seed(), task.size(), task.quality(), task.style(), task.outputFormat(),
                    task.background(), task.parent(), task.baseImage());
            ImageSink.StoredImage stored = new ImageSink.StoredImage(file, r.path("bytes").asLong(), r.path("sha256").asText(),
                    MediaType.valueOf(r.path("media_type").asText()));
            return Optional.of(new RenderedImage(made, stored, text(r, "revised_prompt"), text(r, "revised_by"), r.path("seed").asLong(),
                    r.path("seed_honored").asBoolean(), r.path("provider").asText(), r.get("usage"), text(r, "request_id"),
                    r.path("attempts").asInt(), r.path("render_ms").asLong(), r.path("cost_usd").asDouble()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The outbox took this image (moved it away from {@code file}): its record goes too. */
    public static void taken(Path file) {
        Path parent = file.getParent();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("paid") && dot > 0) {
            parent.resolve(name.substring(0, dot) + RECORD).toFile().delete();
        }
    }

    /** Records whose image is gone (the outbox took it, or it was published after a failure) are removed at start. */
    public int clean() {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(RECORD)).filter(this::imageGone)
                    .peek(f -> f.toFile().delete()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean imageGone(Path record) {
        try {
            return !Files.isRegularFile(dir.resolve(Json.MAPPER.readTree(Files.readString(record)).path("file").asText()));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static ObjectNode recordOf(RenderedImage image) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("image_id", image.task().imageId());
        r.put("prompt", image.task().imagePrompt());
        r.put("file", image.stored().file().getFileName().toString());
        r.put("bytes", image.stored().bytes());
        r.put("sha256", image.stored().sha256());
        r.put("media_type", image.stored().mediaType().name());
        r.put("revised_prompt", image.revisedPrompt());
        r.put("revised_by", image.revisedBy());
        r.put("seed", image.seed());
        r.put("seed_honored", image.seedHonored());
        r.put("provider", image.provider());
        r.set("usage", image.usage());
        r.put("request_id", image.requestId());
        r.put("attempts", image.attempts());
        r.put("render_ms", image.renderMs());
        r.put("cost_usd", image.costUsd());
        return r;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String key(String fingerprint, ImageTask task) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((fingerprint + "\n" + task.imageId()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

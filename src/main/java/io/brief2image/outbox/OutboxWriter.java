package io.brief2image.outbox;

import io.brief2image.brief.Brief;
import io.brief2image.deadletter.BriefFailure;
import io.brief2image.deadletter.FaultKinds;
import io.brief2image.render.RenderedBrief;
import io.brief2image.render.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a rendered brief as {@code outbox/<id>/<id>-<k>.<ext>} plus a sidecar each. Images are
 * renamed into place exactly as the provider sent them; sidecars are written to a temp file first.
 */
public final class OutboxWriter {

    private final Path outbox;
    private final PartialFiles partials;
    private final Clock clock;

    public OutboxWriter(Path outbox, PartialFiles partials, Clock clock) {
        this.outbox = outbox;
        this.partials = partials;
        this.clock = clock;
    }

    public BriefResult publish(RenderedBrief rendered) {
        Brief brief = rendered.plan().brief();
        long started = System.nanoTime();
        try {
            Path dir = Files.createDirectories(outbox.resolve(brief.id()));
            removeStaleImages(dir, brief.id(), rendered.images().size());
            List<Sidecar> sidecars = new ArrayList<>();
            for (RenderedImage image : rendered.images()) {
                String name = image.task().imageId() + "." + image.stored().mediaType().extension();
                AtomicFiles.publish(image.stored().file(), dir.resolve(name));
                Map<String, Long> timings = new LinkedHashMap<>(rendered.plan().timingsMs());
                timings.put("render", image.renderMs());
                timings.put("write", (System.nanoTime() - started) / 1_000_000);
                Sidecar sidecar = sidecarOf(brief, rendered, image, name, timings);
                AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(sidecar), dir.resolve(image.task().imageId() + ".json"));
                sidecars.add(sidecar);
            }
            return BriefResult.done(brief.id(), List.copyOf(sidecars), brief.source(), false);
        } catch (IOException e) {
            rendered.images().forEach(image -> image.stored().file().toFile().delete());
            throw new BriefFailure("outbox", FaultKinds.sentence("The images could not be saved in the outbox", e), null, null, 0, e);
        }
    }

    private Sidecar sidecarOf(Brief brief, RenderedBrief rendered, RenderedImage image, String file, Map<String, Long> timings) {
        var task = image.task();
        return new Sidecar(brief.id(), task.imageId(), task.index(), task.count(),
                file, image.stored().bytes(), image.stored().sha256(), image.stored().mediaType().mime(),
                brief.prompt(), task.imagePrompt(), image.revisedPrompt(), image.revisedBy(),
                image.seed(), image.seedHonored(),
                brief.model().id(), task.size(), task.quality(), task.style(), task.outputFormat(), task.background(),
                image.provider(), image.usage(), rendered.plan().policy(), rendered.plan().expansion(), task.parent(),
                brief.source(), brief.metadata(), Instant.now(clock).toString(), image.attempts(), timings,
                Math.round(image.costUsd() * 1_000_000) / 1_000_000.0, image.requestId(), brief.warnings());
    }

    /** A replaced brief with fewer images than before must not leave the old extra images behind. */
    private static void removeStaleImages(Path dir, String id, int count) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(id + "-")) {
                    String rest = name.substring(id.length() + 1);
                    int dot = rest.indexOf('.');
                    if (dot > 0 && rest.substring(0, dot).matches("\\d+") && Integer.parseInt(rest.substring(0, dot)) > count) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** The sidecar of an earlier image, for reproduce and tune. */
    public Optional<Sidecar> find(String imageId) {
        int dash = imageId.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        Path file = outbox.resolve(imageId.substring(0, dash)).resolve(imageId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), Sidecar.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path imageFile(Sidecar sidecar) {
        return outbox.resolve(sidecar.briefId()).resolve(sidecar.file());
    }
}

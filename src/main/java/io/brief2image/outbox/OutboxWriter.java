package io.brief2image.outbox;

import io.brief2image.base.AtomicFiles;
import io.brief2image.base.BriefResult;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.Sidecar;

import io.brief2image.brief.Brief;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.FaultKinds;
import io.brief2image.render.RenderedBrief;
import io.brief2image.render.PaidImages;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a rendered brief as {@code outbox/<id>/<id>-<k>.<ext>} plus a sidecar each. Images are
 * renamed into place exactly as the provider sent them; sidecars are written to a temp file first.
 */
public final class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private static final String KEPT = "the outbox had no room when this image was made; it was kept under data/pending-outbox"
            + " and written here once space returned";

    private final Path outbox;
    private final PartialFiles partials;
    private final Clock clock;
    private final PendingOutbox pending;
    private final Consumer<String> finished;

    public OutboxWriter(Path outbox, PartialFiles partials, Clock clock) {
        this(outbox, partials, clock, null, id -> { });
    }

    /**
     * @param pending  where paid images go when the outbox cannot take them; null: the brief fails
     * @param finished told the brief id once its images are written or kept (its disk claim ends)
     */
    public OutboxWriter(Path outbox, PartialFiles partials, Clock clock, PendingOutbox pending, Consumer<String> finished) {
        this.outbox = outbox;
        this.partials = partials;
        this.clock = clock;
        this.pending = pending;
        this.finished = finished;
    }

    public BriefResult publish(RenderedBrief rendered) {
        Brief brief = rendered.plan().brief();
        long started = System.nanoTime();
        List<Sidecar> sidecars = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(outbox.resolve(brief.id()));
            removeStaleImages(dir, brief.id(), rendered.plan().tasks().size());
            for (RenderedImage image : rendered.images()) {
                String name = nameOf(image);
                AtomicFiles.publish(image.stored().file(), dir.resolve(name));
                PaidImages.taken(image.stored().file());
                Sidecar sidecar = sidecarOf(brief, rendered, image, name, timings(rendered, image, started), brief.warnings());
                SidecarFiles.write(sidecar, dir, partials);
                sidecars.add(sidecar);
            }
            return BriefResult.done(brief.id(), withEarlier(rendered, sidecars), brief.source(), false);
        } catch (IOException e) {
            return keepForLater(rendered, started, e);
        } finally {
            finished.accept(brief.id());
        }
    }

    /** The images are paid for: when the outbox cannot take them they are kept, never deleted, and the brief is done. */
    private BriefResult keepForLater(RenderedBrief rendered, long started, IOException cause) {
        Brief brief = rendered.plan().brief();
        if (pending == null) {
            rendered.images().forEach(image -> image.stored().file().toFile().delete());
            throw new BriefFailure("outbox", FaultKinds.sentence("The images could not be saved in the outbox", cause), null, null, 0, cause);
        }
        List<String> warnings = new ArrayList<>(brief.warnings() == null ? List.of() : brief.warnings());
        warnings.add(KEPT);
        List<Sidecar> sidecars = new ArrayList<>();
        List<PendingOutbox.Kept> kept = new ArrayList<>();
        for (RenderedImage image : rendered.images()) {
            sidecars.add(sidecarOf(brief, rendered, image, nameOf(image), timings(rendered, image, started), List.copyOf(warnings)));
            kept.add(new PendingOutbox.Kept(image.stored().file(), nameOf(image)));
        }
        try {
            pending.keep(brief.id(), kept, sidecars);
        } catch (IOException e) {
            // data/ is full as well: the temp files stay until the next start; say so plainly
            throw new BriefFailure("outbox", FaultKinds.sentence("The images could not be saved in the outbox, nor kept in the data folder"
                    + " for later", e), null, null, 0, e);
        }
        LOG.warn("brief {}: the outbox could not take its {} images ({}); they are kept under data/pending-outbox and written"
                + " when space returns", brief.id(), kept.size(), cause.getMessage());
        return BriefResult.done(brief.id(), withEarlier(rendered, sidecars), brief.source(), false);
    }

    /** The brief's images: those in the outbox from an attempt that failed part way, and those made now, in order. */
    private static List<Sidecar> withEarlier(RenderedBrief rendered, List<Sidecar> made) {
        List<Sidecar> all = new ArrayList<>(rendered.earlier());
        all.addAll(made);
        all.sort(java.util.Comparator.comparingInt(Sidecar::index));
        return List.copyOf(all);
    }

    private static String nameOf(RenderedImage image) {
        return image.task().imageId() + "." + image.stored().mediaType().extension();
    }

    private static Map<String, Long> timings(RenderedBrief rendered, RenderedImage image, long started) {
        Map<String, Long> timings = new LinkedHashMap<>(rendered.plan().timingsMs());
        timings.put("render", image.renderMs());
        timings.put("write", (System.nanoTime() - started) / 1_000_000);
        return timings;
    }

    private Sidecar sidecarOf(Brief brief, RenderedBrief rendered, RenderedImage image, String file, Map<String, Long> timings,
                              List<String> warnings) {
        var task = image.task();
        return new Sidecar(brief.id(), task.imageId(), task.index(), task.count(),
                file, image.stored().bytes(), image.stored().sha256(), image.stored().mediaType().mime(),
                brief.prompt(), task.imagePrompt(), image.revisedPrompt(), image.revisedBy(),
                image.seed(), image.seedHonored(),
                brief.model().id(), task.size(), task.quality(), task.style(), task.outputFormat(), task.background(),
                image.provider(), image.usage(), rendered.plan().policy(), rendered.plan().expansion(), task.parent(),
                brief.source(), brief.metadata(), Instant.now(clock).toString(), image.attempts(), timings,
                Math.round(image.costUsd() * 1_000_000) / 1_000_000.0, image.requestId(),
                brief.priority() == null ? null : brief.priority().wire(), warnings, image.batch());
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
        return SidecarFiles.find(outbox, imageId);
    }

    public Path imageFile(Sidecar sidecar) {
        return outbox.resolve(sidecar.briefId()).resolve(sidecar.file());
    }
}

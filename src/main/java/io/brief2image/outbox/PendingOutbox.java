package io.brief2image.outbox;

import io.brief2image.base.AtomicFiles;
import io.brief2image.base.Json;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.Sidecar;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images paid for that could not be written to the outbox (its disk was full) wait here, under
 * {@code data/pending-outbox/<brief id>/}, with their sidecars, and are written out when space
 * returns or at the next start. Never thrown away: they were paid for, and the brief is done (the
 * ledger says so), so neither a redelivery nor {@code replay} pays for them again.
 */
public final class PendingOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(PendingOutbox.class);
    private static final String RECORD = "sidecars.json";
    private static final TypeReference<List<Sidecar>> SIDECARS = new TypeReference<>() {
    };

    private final Path dir;
    private final Path outbox;
    private final PartialFiles partials;
    /** Briefs whose retry was already logged: the next tries (every few seconds) stay quiet. */
    private final java.util.Set<String> reported = new java.util.HashSet<>();

    public PendingOutbox(Path dataDir, Path outbox, PartialFiles partials) {
        this.dir = dataDir.resolve("pending-outbox");
        this.outbox = outbox;
        this.partials = partials;
    }

    /** An image still in its temp file under data/, and the name it is to have in the outbox. */
    public record Kept(Path temp, String name) {
    }

    /**
     * Keeps the images beside their sidecars. The record goes first, so a crash in between leaves
     * at worst a record whose image is missing, never an image nobody knows about; moving a temp
     * file here is a rename on the same file system and needs no space.
     */
    public void keep(String briefId, List<Kept> images, List<Sidecar> sidecars) throws IOException {
        Path brief = Files.createDirectories(dir.resolve(briefId));
        AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(sidecars), brief.resolve(RECORD));
        for (Kept image : images) {
            if (Files.exists(image.temp())) {
                Files.move(image.temp(), brief.resolve(image.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Bytes of the kept images, which the outbox will have to take. */
    public long bytes() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(RECORD))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    public int count() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> briefs = Files.list(dir)) {
            return (int) briefs.filter(b -> Files.isRegularFile(b.resolve(RECORD))).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Writes every kept brief to the outbox; one that still does not fit stays for the next try. Returns how many went out. */
    public synchronized int flush() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int written = 0;
        try (Stream<Path> briefs = Files.list(dir)) {
            for (Path brief : briefs.sorted().toList()) {
                if (!Files.isRegularFile(brief.resolve(RECORD))) {
                    continue;
                }
                try {
                    writeOut(brief);
                    written++;
                } catch (IOException e) {
                    if (reported.add(brief.getFileName().toString())) {
                        LOG.info("brief {}: its kept images still cannot be written to the outbox ({}); trying again every few seconds",
                                brief.getFileName(), e.getMessage());
                    }
                    break;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look into the kept images: {}", e.getMessage());
        }
        return written;
    }

    private void writeOut(Path brief) throws IOException {
        List<Sidecar> sidecars = Json.MAPPER.readValue(brief.resolve(RECORD).toFile(), SIDECARS);
        String id = brief.getFileName().toString();
        Path target = Files.createDirectories(outbox.resolve(id));
        for (Sidecar sidecar : sidecars) {
            Path image = brief.resolve(sidecar.file());
            if (Files.exists(image)) {
                AtomicFiles.publish(image, target.resolve(sidecar.file()));
            } else if (!Files.exists(target.resolve(sidecar.file()))) {
                LOG.warn("brief {}: image {} was not kept (cut off by a crash); its sidecar is not written", id, sidecar.file());
                continue;
            }
            SidecarFiles.write(sidecar, target, partials);
        }
        try (Stream<Path> files = Files.walk(brief)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        reported.remove(id);
        LOG.info("brief {}: {} kept images written to the outbox now that there is room", id, sidecars.size());
    }
}

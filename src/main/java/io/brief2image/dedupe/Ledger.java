package io.brief2image.dedupe;

import io.brief2image.brief.Brief;
import io.brief2image.deadletter.BriefFailure;
import io.brief2image.outbox.AtomicFiles;
import io.brief2image.outbox.BriefResult;
import io.brief2image.outbox.Json;
import io.brief2image.outbox.PartialFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory of what was done, kept under the data folder so it survives restarts: a redelivered
 * or re-dropped brief is answered from here instead of being rendered (and billed) again.
 */
public final class Ledger {

    public record Entry(String fingerprint, BriefResult result) {
    }

    private final Path dir;
    private final Path outbox;
    private final PartialFiles partials;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    public Ledger(Path dataDir, Path outbox, PartialFiles partials) {
        this.dir = dataDir.resolve("ledger");
        this.outbox = outbox;
        this.partials = partials;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Claims the brief's id. Returns the earlier result when the same brief was already done; fails
     * when another brief owns the id, unless this one says {@code replace}.
     */
    public Optional<BriefResult> admit(Brief brief) {
        Optional<Entry> earlier = read(brief.id());
        if (earlier.isPresent() && earlier.get().fingerprint().equals(brief.fingerprint())) {
            BriefResult previous = earlier.get().result();
            return Optional.of(BriefResult.done(previous.briefId(), previous.images(), brief.source(), true));
        }
        boolean used = earlier.isPresent() || Files.isDirectory(outbox.resolve(brief.id()));
        if (used && !brief.replace()) {
            throw new BriefFailure("duplicate", "id '" + brief.id() + "' already used: another brief with this id already has images"
                    + " in the outbox. Give this brief a new id, or add \"replace\": true to overwrite them.");
        }
        if (!inProgress.add(brief.id())) {
            throw new BriefFailure("duplicate", "id '" + brief.id() + "' already used: another brief with this id is being made right now."
                    + " Give this brief a new id.");
        }
        return Optional.empty();
    }

    public void record(Brief brief, BriefResult result) {
        try {
            AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(new Entry(brief.fingerprint(), result)), file(brief.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inProgress.remove(brief.id());
        }
    }

    public void release(String briefId) {
        if (briefId != null) {
            inProgress.remove(briefId);
        }
    }

    public Optional<Entry> read(String id) {
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), Entry.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}

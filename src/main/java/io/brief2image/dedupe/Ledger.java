package io.brief2image.dedupe;

import io.brief2image.brief.Brief;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.AtomicFiles;
import io.brief2image.base.BriefResult;
import io.brief2image.base.Json;
import io.brief2image.base.PartialFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The memory of what was done, kept under the data folder so it survives restarts. A brief is
 * marked {@code started} before anything is paid for and {@code done} with its result after the
 * outbox is written: a redelivered or re-dropped brief is answered from here instead of being
 * rendered (and billed) again, and a brief cut off by a crash is simply made again.
 */
public final class Ledger {

    public static final String STARTED = "started";
    public static final String DONE = "done";

    public record Entry(String fingerprint, String status, BriefResult result) {
    }

    private final Path dir;
    private final Path outbox;
    private final PartialFiles partials;
    private final Duration waitForTwin;
    /** Ids being made by this process; a twin of one of them waits for it instead of racing it. */
    private final Set<String> inProgress = new HashSet<>();

    public Ledger(Path dataDir, Path outbox, PartialFiles partials, Duration waitForTwin) {
        this.dir = dataDir.resolve("ledger");
        this.outbox = outbox;
        this.partials = partials;
        this.waitForTwin = waitForTwin;
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
        claimOrWait(brief.id());
        try {
            Optional<Entry> earlier = read(brief.id());
            boolean sameBrief = earlier.isPresent() && earlier.get().fingerprint().equals(brief.fingerprint());
            if (sameBrief && DONE.equals(earlier.get().status())) {
                release(brief.id());
                BriefResult previous = earlier.get().result();
                return Optional.of(BriefResult.done(previous.briefId(), previous.images(), brief.source(), true));
            }
            boolean used = !sameBrief && (earlier.isPresent() || Files.isDirectory(outbox.resolve(brief.id())) && !leftByThisMessage(brief));
            if (used && !brief.replace()) {
                throw new BriefFailure("duplicate", "The id '" + brief.id() + "' is already used: another brief with this id already has images"
                        + " in the outbox. Give this brief a new id, or add \"replace\": true to overwrite them.");
            }
            write(brief.id(), new Entry(brief.fingerprint(), STARTED, null));
            return Optional.empty();
        } catch (RuntimeException e) {
            release(brief.id());
            throw e;
        }
    }

    public void record(Brief brief, BriefResult result) {
        try {
            overwrite(brief.id(), new Entry(brief.fingerprint(), DONE, result));
        } finally {
            release(brief.id());
        }
    }

    /** A brief that failed gives up its claim, so a corrected brief can use the id. */
    public void abandon(Brief brief) {
        try {
            Optional<Entry> entry = read(brief.id());
            if (entry.isPresent() && STARTED.equals(entry.get().status()) && entry.get().fingerprint().equals(brief.fingerprint())) {
                Files.deleteIfExists(file(brief.id()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(brief.id());
        }
    }

    /**
     * True when the outbox's images of this id were written for this very queue message: an instance
     * sharing the outbox died after writing them and before its commit, so the broker redelivered the
     * message here, where this ledger has no entry (or it died between an image and its sidecar). The brief is made again (it was in flight at the
     * death), not refused as a different brief reusing the id.
     */
    private boolean leftByThisMessage(Brief brief) {
        String messageId = brief.source() == null ? null : brief.source().messageId();
        if (messageId == null) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(outbox.resolve(brief.id()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().map(sidecar -> {
                try {
                    return messageId.equals(Json.MAPPER.readTree(sidecar.toFile()).path("source").path("message_id").asText(null));
                } catch (IOException e) {
                    return false;
                }
            }).orElse(true); // images without a sidecar: a write cut off before its first sidecar, no brief's output
        } catch (IOException e) {
            return false;
        }
    }

    public synchronized void release(String briefId) {
        if (briefId != null && inProgress.remove(briefId)) {
            notifyAll();
        }
    }

    private synchronized void claimOrWait(String id) {
        long deadline = System.nanoTime() + waitForTwin.toNanos();
        while (inProgress.contains(id)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new BriefFailure("duplicate", "The id '" + id + "' is being made by another brief right now, and it did not finish within "
                        + waitForTwin.toMinutes() + " minutes: submit this brief again later, or give it a new id.");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // a stop: nothing is wrong with the brief, it goes back to the queue (produce.yaml)
                throw new io.brief2image.base.ServiceStopping("it was waiting for another brief with the same id");
            }
        }
        inProgress.add(id);
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

    private void write(String id, Entry entry) {
        try {
            AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(entry), file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the done entry over the started one in place: one write of more bytes than the started
     * entry had, so a crash of the process cannot leave a mix of the two (readers in this process wait
     * for the release that follows), and no file is created per brief for it (creating files was a
     * measurable share of kernel time, BENCHMARKS.md, Findings).
     */
    private void overwrite(String id, Entry entry) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(entry);
            Path file = file(id);
            if (Files.isRegularFile(file) && Files.size(file) < bytes.length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer, buffer.position());
                    }
                }
                return;
            }
            AtomicFiles.write(partials.next(), bytes, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}

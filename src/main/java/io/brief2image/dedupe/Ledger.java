package io.brief2image.dedupe;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.BriefResult;
import io.brief2image.base.Json;
import io.brief2image.base.ServiceStopping;
import io.brief2image.brief.Brief;
import io.brief2image.store.BriefLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The memory of what was done, in the shared store ({@link BriefLedger}), so it survives restarts and
 * holds for every instance on the same store. A brief is claimed ({@code started}, owned by this
 * instance under a lease) before anything is paid for and marked {@code done} with its result after the
 * outbox is written: a redelivered or re-dropped brief is answered from here instead of being rendered
 * (and billed) again, a brief cut off by a crash is simply made again, and one whose instance died is
 * made by another once the dead one's lease has run out.
 */
public final class Ledger {

    private static final long TWIN_POLL_MILLIS = 200;

    private final BriefLedger store;
    private final String owner;
    private final Duration lease;
    private final Path outbox;
    private final Duration waitForTwin;
    /** Ids being made by this process; a twin of one of them waits for it here instead of polling the store. */
    private final Set<String> inProgress = new HashSet<>();

    public Ledger(BriefLedger store, String owner, Duration lease, Path outbox, Duration waitForTwin) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.outbox = outbox;
        this.waitForTwin = waitForTwin;
    }

    /**
     * Claims the brief's id. Returns the earlier result when the same brief was already done; fails
     * when another brief owns the id, unless this one says {@code replace}.
     */
    public Optional<BriefResult> admit(Brief brief) {
        long deadline = System.nanoTime() + waitForTwin.toNanos();
        claimOrWait(brief.id(), deadline);
        try {
            while (true) {
                Optional<BriefResult> answer = tryAdmit(brief);
                if (answer != null) {
                    return answer;
                }
                // another instance makes a brief with this id right now: wait for it like a twin in this process
                if (System.nanoTime() - deadline >= 0) {
                    throw beingMade(brief.id());
                }
                sleep(TWIN_POLL_MILLIS);
            }
        } catch (RuntimeException e) {
            release(brief.id());
            throw e;
        }
    }

    /** One look at the store: the answer, or null while another instance holds a live claim. */
    private Optional<BriefResult> tryAdmit(Brief brief) {
        Optional<BriefLedger.Entry> earlier = store.read(brief.id());
        if (earlier.isEmpty()) {
            // an outbox folder left by this same message (redelivered from an instance that died) is not another brief's
            if (!brief.replace() && Files.isDirectory(outbox.resolve(brief.id())) && !leftByThisMessage(brief)) {
                throw alreadyUsed(brief.id());
            }
            return store.claim(brief.id(), brief.fingerprint(), owner, lease) ? Optional.empty() : null;
        }
        BriefLedger.Entry entry = earlier.get();
        boolean sameBrief = entry.fingerprint().equals(brief.fingerprint());
        if (entry.done()) {
            if (sameBrief) {
                release(brief.id());
                BriefResult previous = result(entry.result());
                return Optional.of(BriefResult.done(previous.briefId(), previous.images(), brief.source(), true));
            }
            if (!brief.replace()) {
                throw alreadyUsed(brief.id());
            }
            return store.takeOver(entry, brief.fingerprint(), owner, lease) ? Optional.empty() : null;
        }
        if (!sameBrief && !brief.replace()) {
            throw alreadyUsed(brief.id());
        }
        if (entry.partial()) {
            // some images are in the outbox, the rest failed: the same brief again makes only the missing ones (madeBefore)
            return store.takeOver(entry, brief.fingerprint(), owner, lease) ? Optional.empty() : null;
        }
        if (entry.owner().equals(owner)) {
            // this instance's own claim with no thread of it at work: left by a failure to give it back
            return store.takeOver(entry, brief.fingerprint(), owner, lease) ? Optional.empty() : null;
        }
        // another instance's claim: taken over only once its lease has run out (its instance died)
        return store.claim(brief.id(), brief.fingerprint(), owner, lease) ? Optional.empty() : null;
    }

    /**
     * The images of this very brief (same fingerprint) already in the outbox from an earlier attempt that
     * failed part way ({@link BriefLedger#PARTIAL}): made again, the brief makes only the others.
     */
    public Optional<BriefResult> madeBefore(Brief brief) {
        return store.read(brief.id()).filter(e -> !e.done() && e.result() != null && e.fingerprint().equals(brief.fingerprint()))
                .map(e -> result(e.result()));
    }

    /**
     * Part of the brief is in the outbox ({@code made}: a done result of those images), the rest could not
     * be made: the id stays this brief's, and made again (replay, redelivery) it pays only for the rest.
     */
    public void recordPartial(Brief brief, BriefResult made) {
        try {
            store.markPartial(brief.id(), brief.fingerprint(), Json.MAPPER.writeValueAsString(made));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void record(Brief brief, BriefResult result) {
        try {
            store.markDone(brief.id(), brief.fingerprint(), Json.MAPPER.writeValueAsString(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(brief.id());
        }
    }

    /** A brief that failed gives up its claim, so a corrected brief can use the id. */
    public void abandon(Brief brief) {
        try {
            Optional<BriefLedger.Entry> entry = store.read(brief.id());
            if (entry.isPresent() && !entry.get().done() && entry.get().fingerprint().equals(brief.fingerprint())) {
                store.abandon(brief.id(), owner);
            }
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

    private synchronized void claimOrWait(String id, long deadline) {
        while (inProgress.contains(id)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw beingMade(id);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // a stop: nothing is wrong with the brief, it goes back to the queue (produce.yaml)
                throw new ServiceStopping("it was waiting for another brief with the same id");
            }
        }
        inProgress.add(id);
    }

    private BriefFailure beingMade(String id) {
        return new BriefFailure("duplicate", "The id '" + id + "' is being made by another brief right now, and it did not finish within "
                + waitForTwin.toMinutes() + " minutes: submit this brief again later, or give it a new id.");
    }

    private static BriefFailure alreadyUsed(String id) {
        return new BriefFailure("duplicate", "The id '" + id + "' is already used: another brief with this id already has images"
                + " in the outbox. Give this brief a new id, or add \"replace\": true to overwrite them.");
    }

    private static BriefResult result(String json) {
        try {
            return Json.MAPPER.readValue(json, BriefResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStopping("it was waiting for another instance making a brief with the same id");
        }
    }
}

package io.brief2image.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Who is making which brief, and which briefs are done, for the whole fleet. A claim has an owner
 * (an instance) and a lease: a dead instance's claims run out and another instance may take them.
 */
public interface BriefLedger {

    String STARTED = "started";
    String DONE = "done";
    /**
     * Some of the brief's images are in the outbox, the rest could not be made: {@code result} lists the
     * ones made (a done result of them), so the same brief made again pays only for the missing ones.
     */
    String PARTIAL = "partial";

    /** @param result the brief's result as JSON, once done; @param leaseUntil epoch ms the claim counts until */
    record Entry(String key, String fingerprint, String status, String owner, long leaseUntil, String result) {

        public boolean done() {
            return DONE.equals(status);
        }

        public boolean partial() {
            return PARTIAL.equals(status);
        }
    }

    Optional<Entry> read(String key);

    /**
     * Claims {@code key} for {@code owner}: wins when nobody has it, or when its claim is {@code started}
     * and its lease ran out (its instance died). Exactly one of several concurrent claimers wins.
     */
    boolean claim(String key, String fingerprint, String owner, Duration lease);

    /**
     * Takes {@code key} over from the entry {@code seen} (a done brief replaced, a partial one made again,
     * or a stale claim of this owner), only if it is still exactly that entry: a compare-and-set, so one
     * taker wins. The result of images made before stays while the fingerprint is the same (not for a done entry).
     */
    boolean takeOver(Entry seen, String fingerprint, String owner, Duration lease);

    /** The brief is done: its result answers any redelivery from now on. */
    void markDone(String key, String fingerprint, String result);

    boolean isDone(String key);

    /**
     * Some images of the brief are in the outbox ({@code result}: a done result of them), the rest missing:
     * the id stays the brief's, and the same brief admitted again makes only the missing ones.
     */
    void markPartial(String key, String fingerprint, String result);

    /**
     * A failed brief gives its id back (only the owner's own started claim); a claim that carries images
     * made before goes back to {@link #PARTIAL}, so they are never made again.
     */
    void abandon(String key, String owner);

    /** Forgets {@code key} whatever its state, so the id can be used again (an operator removed its output on purpose). */
    void forget(String key);

    /** Extends every started claim of {@code owner} by {@code lease} from now; the heartbeat calls it. */
    int renew(String owner, Duration lease);

    /** Ends the leases of {@code owner}'s started claims at once (all owners when null): their instances are gone. */
    int expire(String owner);
}

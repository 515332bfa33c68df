package io.brief2image.render;

import io.brief2image.base.ServiceStopping;
import io.brief2image.store.LocalPaceSlots;
import io.brief2image.store.PaceSlots;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide door to the provider: at most {@code concurrency} requests in flight, starts
 * spaced evenly when an images-per-minute limit is set, and a pause for everyone after a 429.
 *
 * <p>Spacing is claimed when a request actually starts, never handed out in advance, and is
 * measured again when the request goes out on the wire ({@link #sent()}): the first request of a
 * run spends a few hundred ms between the gate and the socket (first connection, classes loading),
 * and a schedule fixed at the gate let the second one reach the provider only 0.04 s after it.
 *
 * <p>The start slots come from {@link PaceSlots}: with a shared store every instance claims them from
 * one row, so a fleet of N starts no more images per minute than the setting, not N times as many.
 * Concurrency and the 429 pause stay per process.
 */
public final class ProviderGate {

    /** The pace row of image requests in the shared store. */
    static final String PACE = "images";

    private final Semaphore slots;
    private final long spacingMicros;
    private final PaceSlots pace;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Images of the request this thread was let through for, until it goes out on the wire. */
    private final ThreadLocal<Integer> admitted = new ThreadLocal<>();
    private long pausedUntilNanos = System.nanoTime();
    /** Requests let through that have not gone out yet; with pacing, the next one waits for them. */
    private int unsent;
    private volatile boolean stopping;

    /** A gate pacing this process alone. */
    public ProviderGate(int concurrency, int imagesPerMinute) {
        this(concurrency, imagesPerMinute, new LocalPaceSlots());
    }

    /** A gate whose start slots come from {@code pace}: shared by every instance on the same store. */
    public ProviderGate(int concurrency, int imagesPerMinute, PaceSlots pace) {
        this.slots = new Semaphore(Math.max(1, concurrency), true);
        this.spacingMicros = imagesPerMinute > 0 ? 60_000_000L / imagesPerMinute : 0;
        this.pace = pace;
    }

    /** When a request was let through and how long it waited for its slot and its turn. */
    public record Admission(long startNanos, Duration waited) {
    }

    /**
     * Blocks until this request may start. Once the service is stopping no new request starts:
     * a request not yet under way is not paid for, and its brief goes back to the queue.
     */
    public Admission enter(int images) throws InterruptedException {
        long begin = System.nanoTime();
        slots.acquire();
        if (stopping) {
            slots.release();
            throw new ServiceStopping("no new provider request starts");
        }
        long startAt;
        try {
            startAt = claimTurn(images);
        } catch (InterruptedException | ServiceStopping e) {
            slots.release();
            throw e;
        }
        admitted.set(Math.max(1, images));
        inFlight.incrementAndGet();
        return new Admission(startAt, Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * Waits until no request of this process is let through unsent and no 429 pause holds this start
     * back, then claims the next start slot (from the store with a fleet) and waits for it.
     */
    private synchronized long claimTurn(int images) throws InterruptedException {
        while (true) {
            if (stopping) {
                // stopped while waiting for its turn (spacing, a 429 pause): it has not started, so it is not paid for
                throw new ServiceStopping("no new provider request starts");
            }
            if (spacingMicros > 0 && unsent > 0) {
                wait(); // sent() or leave() of the earlier request wakes this one
                continue;
            }
            long pauseLeft = pausedUntilNanos - System.nanoTime();
            if (pauseLeft > 0) {
                wait(pauseLeft / 1_000_000, (int) (pauseLeft % 1_000_000));
                continue;
            }
            unsent++;
            if (spacingMicros > 0) {
                try {
                    long interval = spacingMicros * Math.max(1, images);
                    waitForSlot(pace.claim(PACE, interval, nowMicros()));
                    // woken a little late (always, by a few µs; by ms on a busy machine): the next start keeps its
                    // distance from this actual one, so no two starts are ever closer than the spacing
                    pace.notBefore(PACE, nowMicros() + interval);
                } catch (InterruptedException | RuntimeException e) {
                    // not started (stopping, or the store gave up on a stop): it holds the next one back no longer
                    unsent--;
                    notifyAll();
                    throw e;
                }
            }
            return System.nanoTime();
        }
    }

    /** Waits (the monitor released, unsent counted, so this process's next request waits too) until the claimed slot has come. */
    private void waitForSlot(long slotMicros) throws InterruptedException {
        long left;
        while ((left = slotMicros - nowMicros()) > 0) {
            if (stopping) {
                throw new ServiceStopping("no new provider request starts");
            }
            wait(left / 1_000, (int) (left % 1_000) * 1_000);
        }
    }

    /**
     * The request this thread was let through for is going out now (called from the HTTP client
     * just before it writes the request): the next start is at least one spacing from here.
     */
    public void sent() {
        Integer images = admitted.get();
        if (images == null) {
            return; // not an image request (chat), or already counted
        }
        admitted.remove();
        if (spacingMicros > 0) {
            pace.notBefore(PACE, nowMicros() + spacingMicros * images);
        }
        synchronized (this) {
            unsent--;
            notifyAll();
        }
    }

    public void leave() {
        if (admitted.get() != null) {
            // failed before it went out (or a provider that is not HTTP): it no longer holds the next one back
            admitted.remove();
            synchronized (this) {
                unsent--;
                notifyAll();
            }
        }
        inFlight.decrementAndGet();
        slots.release();
    }

    /** A 429 slows everyone down: no request starts before the provider's Retry-After has passed. */
    public synchronized void pause(Duration duration) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + duration.toNanos());
    }

    /** From now on no request starts (also none waiting for its turn); those in flight finish. */
    public synchronized void stopAdmitting() {
        stopping = true;
        notifyAll();
    }

    /** Image requests per minute the gate keeps to (0: not paced). */
    public int imagesPerMinute() {
        return spacingMicros > 0 ? (int) Math.round(60_000_000.0 / spacingMicros) : 0;
    }

    /** Requests started in the last minute by every gate on the same pace (the fleet, with a shared store). */
    public int startedLastMinute() {
        long now = nowMicros();
        return pace.claimedBetween(PACE, now - 60_000_000L, now);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Wall-clock µs: the instances of a fleet compare start slots on it (their clocks kept by NTP). */
    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

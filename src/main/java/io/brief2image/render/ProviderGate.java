package io.brief2image.render;

import io.brief2image.base.ServiceStopping;

import java.time.Duration;
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
 */
public final class ProviderGate {

    private final Semaphore slots;
    private final long spacingNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Images of the request this thread was let through for, until it goes out on the wire. */
    private final ThreadLocal<Integer> admitted = new ThreadLocal<>();
    private long nextStartNanos = System.nanoTime();
    private long pausedUntilNanos = System.nanoTime();
    /** Requests let through that have not gone out yet; with pacing, the next one waits for them. */
    private int unsent;
    private volatile boolean stopping;

    public ProviderGate(int concurrency, int imagesPerMinute) {
        this.slots = new Semaphore(Math.max(1, concurrency), true);
        this.spacingNanos = imagesPerMinute > 0 ? 60_000_000_000L / imagesPerMinute : 0;
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

    /** Waits until neither the spacing nor a 429 pause holds this start back, then takes the turn. */
    private synchronized long claimTurn(int images) throws InterruptedException {
        while (true) {
            if (stopping) {
                // stopped while waiting for its turn (spacing, a 429 pause): it has not started, so it is not paid for
                throw new ServiceStopping("no new provider request starts");
            }
            long now = System.nanoTime();
            if (spacingNanos > 0 && unsent > 0) {
                wait(); // sent() or leave() of the earlier request wakes this one
                continue;
            }
            long wait = Math.max(nextStartNanos, pausedUntilNanos) - now;
            if (wait <= 0) {
                nextStartNanos = now + spacingNanos * Math.max(1, images);
                unsent++;
                return now;
            }
            wait(wait / 1_000_000, (int) (wait % 1_000_000));
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
        synchronized (this) {
            nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + spacingNanos * images);
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

    public int inFlight() {
        return inFlight.get();
    }
}

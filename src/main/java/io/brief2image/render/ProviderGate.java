package io.brief2image.render;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide door to the provider: at most {@code concurrency} requests in flight, starts
 * spaced evenly when an images-per-minute limit is set, and a pause for everyone after a 429.
 */
public final class ProviderGate {

    private final Semaphore slots;
    private final long spacingNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private long nextStartNanos = System.nanoTime();
    private long pausedUntilNanos = System.nanoTime();
    private volatile boolean stopping;

    public ProviderGate(int concurrency, int imagesPerMinute) {
        this.slots = new Semaphore(Math.max(1, concurrency), true);
        this.spacingNanos = imagesPerMinute > 0 ? 60_000_000_000L / imagesPerMinute : 0;
    }

    /** When a request was scheduled to start and how long it waited for its slot and its turn. */
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
        synchronized (this) {
            long now = System.nanoTime();
            startAt = Math.max(now, Math.max(nextStartNanos, pausedUntilNanos));
            nextStartNanos = startAt + spacingNanos * Math.max(1, images);
        }
        long waitNanos = startAt - System.nanoTime();
        if (waitNanos > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        inFlight.incrementAndGet();
        return new Admission(startAt, Duration.ofNanos(System.nanoTime() - begin));
    }

    public void leave() {
        inFlight.decrementAndGet();
        slots.release();
    }

    /** A 429 slows everyone down: no request starts before the provider's Retry-After has passed. */
    public synchronized void pause(Duration duration) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + duration.toNanos());
    }

    /** From now on no request starts; those in flight finish. */
    public void stopAdmitting() {
        stopping = true;
    }

    public int inFlight() {
        return inFlight.get();
    }
}

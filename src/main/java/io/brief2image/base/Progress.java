package io.brief2image.base;

import java.util.concurrent.atomic.AtomicLong;

/** Counts briefs through this process: what entered the queue from the inbox and what finished. */
public final class Progress {

    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong images = new AtomicLong();
    private final long startedNanos = System.nanoTime();

    public void enqueued(int briefs) {
        enqueued.addAndGet(briefs);
    }

    public void finished(boolean ok, int imageCount) {
        (ok ? done : failed).incrementAndGet();
        images.addAndGet(imageCount);
    }

    public long enqueued() {
        return enqueued.get();
    }

    public long done() {
        return done.get();
    }

    public long failed() {
        return failed.get();
    }

    public long images() {
        return images.get();
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

package io.brief2image.offline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets handlers wait (latency, hangs) while still waking up at once when the server closes. */
final class ServerLifetime {

    private final CountDownLatch closed = new CountDownLatch(1);

    /** @return {@code true} when the full duration passed, {@code false} when the server closed first */
    boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return !isClosed();
        }
        try {
            return !closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    void close() {
        closed.countDown();
    }
}

package io.brief2image.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderGateTest {

    @Test
    void neverMoreThanTheConcurrencyInFlight() throws Exception {
        ProviderGate gate = new ProviderGate(3, 0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                gate.enter(1);
                try {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                } finally {
                    gate.leave();
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isLessThanOrEqualTo(3);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void startsAreSpacedEvenlyForAnImagesPerMinuteLimit() throws Exception {
        ProviderGate gate = new ProviderGate(8, 600); // one start every 100 ms
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                ProviderGate.Admission admission = gate.enter(1);
                assertThat(System.nanoTime()).isGreaterThanOrEqualTo(admission.startNanos());
                starts.add(admission.startNanos());
                gate.leave();
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            // the slots are wall-clock µs (a fleet shares them), the starts are read on the monotonic clock: NTP
            // slewing the wall clock moves them apart by µs (99.94 ms was seen in CI), within the 5 % the issue allows
            assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1))).isBetween(Duration.ofMillis(95), Duration.ofMillis(160));
        }
    }

    @Test
    void aRequestThatGoesOutLateMovesTheNextStartLater() throws Exception {
        ProviderGate gate = new ProviderGate(4, 600); // one start every 100 ms
        long first = gate.enter(1).startNanos();
        long sentAt = first + 300_000_000L;
        await().until(() -> System.nanoTime() >= sentAt); // the first request is slow to reach the wire
        gate.sent();
        long second = gate.enter(1).startNanos();
        assertThat(Duration.ofNanos(second - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        gate.leave();
        gate.leave();
    }

    @Test
    void aPauseAfterA429HoldsBackEveryone() throws Exception {
        ProviderGate gate = new ProviderGate(4, 0);
        gate.pause(Duration.ofMillis(500));
        long started = System.nanoTime();
        Thread other = new Thread(() -> {
            try {
                gate.enter(1);
                gate.leave();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        other.join();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
}

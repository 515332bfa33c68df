package io.brief2image.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.brief2image.store.SharedStore;
import io.brief2image.testing.EmbeddedStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTest {

    private final java.util.List<SharedStore> stores = new java.util.ArrayList<>();

    /** The budget of a service on {@code data}; a second call is a restart (the first one's store is closed). */
    private Budget budget(Path data, Clock clock, double limit) {
        stores.forEach(SharedStore::close);
        stores.clear();
        SharedStore store = EmbeddedStores.open(data, clock);
        stores.add(store);
        return new Budget(store.spend(), store.pause(), store.instance(), clock, limit);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SharedStore::close);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-22T23:50:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void pausesAtTheLimitAndResumesOnTheNextDay(@TempDir Path data) {
        ManualClock clock = new ManualClock();
        Budget budget = budget(data, clock, 1.00);
        budget.spend(0.60);
        assertThat(budget.paused()).isFalse();
        assertThat(budget.reason()).isEmpty();
        budget.spend(0.45);
        assertThat(budget.paused()).isTrue();
        assertThat(budget.reason()).contains("$1.05").contains("$1.00").contains("BRIEF2IMAGE_DAILY_BUDGET_USD");

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(budget.paused()).isFalse();
        assertThat(budget.spentTodayUsd()).isZero();
    }

    /** Two instances on one store, each started with $0.50: a raise on one is the other's limit too. */
    @Test
    void aRaiseOnOneInstanceIsTheFleets(@TempDir Path data) {
        ManualClock clock = new ManualClock();
        Budget one = budget(data, clock, 0.50);
        SharedStore store = stores.get(0);
        Budget other = new Budget(store.spend(), store.pause(), "other-instance", clock, 0.50);
        assertThat(one.tryReserve(0.40)).isPresent();
        assertThat(other.tryReserve(0.40)).as("the fleet's $0.50 is taken").isEmpty();

        one.setLimitUsd(2.00);
        assertThat(other.limitUsd()).isEqualTo(2.00);
        assertThat(other.tryReserve(0.40)).as("after the raise on the first instance").isPresent();
        assertThat(other.reason()).isEmpty();

        one.setLimitUsd(0);
        assertThat(other.limitUsd()).as("0: no budget, for the whole fleet").isZero();
        assertThat(other.tryReserve(100)).isPresent();

        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(other.limitUsd()).as("a new day starts from the setting").isEqualTo(0.50);
    }

    @Test
    void todaysSpendSurvivesARestartAndARaiseResumes(@TempDir Path data) {
        ManualClock clock = new ManualClock();
        budget(data, clock, 0.50).spend(0.75);
        Budget restarted = budget(data, clock, 0.50);
        assertThat(restarted.spentTodayUsd()).isEqualTo(0.75);
        assertThat(restarted.paused()).isTrue();
        restarted.setLimitUsd(2.00);
        assertThat(restarted.paused()).isFalse();
    }

    @Test
    void noLimitNeverPauses(@TempDir Path data) {
        Budget budget = budget(data, new ManualClock(), 0);
        budget.spend(1_000);
        assertThat(budget.paused()).isFalse();
    }

    @Test
    void concurrentSpendsAreAllRecordedInTheStore(@TempDir Path data) throws Exception {
        ManualClock clock = new ManualClock();
        Budget budget = budget(data, clock, 0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.List<java.util.concurrent.Future<?>> spends = new java.util.ArrayList<>();
            for (int i = 0; i < 640; i++) {
                spends.add(pool.submit(() -> budget.spend(0.25)));
            }
            for (java.util.concurrent.Future<?> spend : spends) {
                spend.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(budget.spentTodayUsd()).isEqualTo(160.0);
        assertThat(budget(data, clock, 0).spentTodayUsd()).isEqualTo(160.0);
    }

    @Test
    void concurrentReservationsNeverTogetherPassTheLimit(@TempDir Path data) throws Exception {
        Budget budget = budget(data, new ManualClock(), 1.00);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        try {
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> budget.tryReserve(0.167).ifPresent(r -> granted.incrementAndGet())));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(granted.get()).isEqualTo(5);
        assertThat(budget.spentTodayUsd()).isLessThanOrEqualTo(1.00);
    }

    @Test
    void settlingToTheActualCostAndReleasingMakeRoomAgain(@TempDir Path data) {
        ManualClock clock = new ManualClock();
        Budget budget = budget(data, clock, 0.50);
        SpendBudget.Reservation first = budget.tryReserve(0.30).orElseThrow();
        assertThat(budget.tryReserve(0.30)).isEmpty();
        budget.settle(first, 0.10);
        SpendBudget.Reservation second = budget.tryReserve(0.30).orElseThrow();
        assertThat(budget.spentTodayUsd()).isCloseTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
        budget.release(second);
        assertThat(budget.spentTodayUsd()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        // a reservation cut off by a crash (no settle, no release) may have been paid: it counts at its estimate
        budget.tryReserve(0.25).orElseThrow();
        assertThat(budget(data, clock, 0.50).spentTodayUsd()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-9));
    }
}

package io.brief2image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server, and what only a fleet does: two stores on one database, a restart of it. */
class PostgresStoreTest extends StoreContract {

    private String url;

    @Override
    StoreConfig config(Path dir) {
        PostgresServer server = PostgresServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed here (.ci/run installs it)");
        if (url == null) {
            url = server.newDatabase("store");
        }
        return new StoreConfig(url, "postgres", "", dir.resolve("data"), LEASE, 8);
    }

    @Test
    void twoInstancesShareOneBudgetAndOneLedger() throws Exception {
        try (SharedStore second = SharedStore.open(config(dir), clock)) {
            assertThat(second.instance()).isNotEqualTo(store.instance());
            AtomicInteger reserved = new AtomicInteger();
            AtomicInteger claimed = new AtomicInteger();
            race(THREADS * 8, i -> {
                SharedStore instance = i % 2 == 0 ? store : second;
                if (instance.spend().reserve(DAY, 170_000_000, 2_000_000_000)) {
                    reserved.incrementAndGet();
                }
                if (instance.ledger().claim("brief-" + (i / 4), "f", instance.instance(), LEASE)) {
                    claimed.incrementAndGet();
                }
            });
            assertThat(reserved.get()).as("$2.00 / $0.17").isEqualTo(11);
            assertThat(claimed.get()).isEqualTo(THREADS * 2);
            assertThat(second.spend().day(DAY).reservedNanos()).isEqualTo(11 * 170_000_000L);
        }
    }

    @Test
    void aDatabaseRestartIsWaitedOutAndNothingIsLost() throws Exception {
        PostgresServer server = PostgresServer.shared().orElseThrow();
        store.ledger().claim("before", "f", store.instance(), LEASE);
        server.stop();
        boolean restarted = false;
        try {
            assertThat(store.down()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("the shared store (postgresql://127.0.0.1:" + server.port()).contains("does not answer")
                    .doesNotContain("password"));
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                    () -> store.spend().reserve(DAY, 10_000, 1_000_000));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
            server.start();
            restarted = true;
            assertThat(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            if (!restarted) {
                server.start();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.down().isEmpty());
        assertThat(store.ledger().read("before")).isPresent();
        assertThat(store.spend().day(DAY).reservedNanos()).isEqualTo(10_000);
    }

    /**
     * A database that does not answer when the service starts (still starting, or a machine starving
     * several instances that start at once) is waited for, not a failed start; a refused login fails at once.
     */
    @Test
    void aStoreOpenedWhileTheDatabaseIsDownOpensOnceItIsBack() throws Exception {
        PostgresServer server = PostgresServer.shared().orElseThrow();
        StoreConfig config = config(dir.resolve("second"));
        server.stop();
        SharedStore opening = null;
        boolean restarted = false;
        try {
            opening = SharedStore.openInBackground(config, clock);
            SharedStore waiting = opening;
            CompletableFuture<Void> open = CompletableFuture.runAsync(waiting::awaitOpen);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !open.isDone());
            server.start();
            restarted = true;
            open.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(opening.spend().reserve(DAY, 10_000, 1_000_000)).isTrue();
        } finally {
            if (!restarted) {
                server.start();
            }
            if (opening != null) {
                opening.close();
            }
        }
        StoreConfig wrongLogin = new StoreConfig(url, "nobody-here", "wrong", dir.resolve("third").resolve("data"), LEASE, 2);
        SharedStore refused = SharedStore.openInBackground(wrongLogin, clock);
        try {
            CompletableFuture<Void> failed = CompletableFuture.runAsync(refused::awaitOpen);
            await().atMost(Duration.ofSeconds(20)).until(failed::isDone);
            assertThat(failed).isCompletedExceptionally();
        } finally {
            refused.close();
        }
    }
}

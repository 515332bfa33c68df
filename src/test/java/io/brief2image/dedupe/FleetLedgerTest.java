package io.brief2image.dedupe;

import static io.brief2image.dedupe.LedgerTest.brief;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.base.BriefResult;
import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreConfig;
import io.brief2image.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 3: two instances' ledgers on one PostgreSQL. A redelivery reaching the other instance
 * waits for the brief in progress and is answered as done; the briefs of an instance that died pass to
 * another once its lease has run out, and not before.
 */
class FleetLedgerTest {

    static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path root;
    SharedStore first;
    SharedStore second;

    @BeforeEach
    void open() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed here (.ci/run installs it)");
        String url = server.newDatabase("fleet_ledger");
        first = SharedStore.open(new StoreConfig(url, "postgres", "", root.resolve("a"), LEASE, 4), Clock.systemUTC());
        second = SharedStore.open(new StoreConfig(url, "postgres", "", root.resolve("b"), LEASE, 4), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    Ledger ledgerOf(SharedStore store) {
        return new Ledger(store.ledger(), store.instance(), store.lease(), root.resolve("outbox"), Duration.ofSeconds(30));
    }

    @Test
    void aRedeliveryToAnotherInstanceWaitsForTheBriefInProgressAndIsAnsweredAsDone() throws Exception {
        first.startHeartbeat("a", () -> 0);
        Ledger a = ledgerOf(first);
        Ledger b = ledgerOf(second);
        assertThat(a.admit(brief("twin", "f1", false))).isEmpty();
        CompletableFuture<Boolean> redelivered = CompletableFuture.supplyAsync(() -> b.admit(brief("twin", "f1", false)).isPresent());
        // the first instance is alive (its heartbeat renews the claim): the other waits, past the lease
        await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(3)).until(() -> !redelivered.isDone());
        a.record(brief("twin", "f1", false), BriefResult.done("twin", List.of(), null, false));
        assertThat(redelivered.get(10, TimeUnit.SECONDS)).as("answered from the ledger, not made again").isTrue();
    }

    @Test
    void theBriefsOfADeadInstancePassToAnotherAfterTheLease() {
        Ledger dead = ledgerOf(first);
        Ledger alive = ledgerOf(second);
        assertThat(dead.admit(brief("orphan", "f1", false))).isEmpty();
        first.close(); // killed: no heartbeat renews its claim any more
        first = null;
        long begin = System.nanoTime();
        assertThat(alive.admit(brief("orphan", "f1", false))).as("made again by the living instance").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("not before the lease ran out").isGreaterThan(LEASE.minusMillis(500));
        alive.record(brief("orphan", "f1", false), BriefResult.done("orphan", List.of(), null, false));
        assertThat(second.ledger().read("orphan")).hasValueSatisfying(e -> assertThat(e.owner()).isEqualTo(second.instance()));
    }
}

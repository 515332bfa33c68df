package io.brief2image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every backend of the shared store must do, run against each ({@link EmbeddedStoreTest},
 * {@link PostgresStoreTest}): the decisions hold under many concurrent callers.
 */
abstract class StoreContract extends OpenStoreFixture {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final int THREADS = 24;

    /** The day's first requests, all at once: none is refused because the day had no row yet (with no limit, none may wait). */
    @Test
    void theDaysFirstConcurrentReservationsAreAllTaken() throws Exception {
        for (int d = 1; d <= 5; d++) {
            LocalDate day = DAY.plusDays(d);
            AtomicInteger refused = new AtomicInteger();
            race(THREADS, i -> {
                if (!store.spend().reserve(day, 1_000, Long.MAX_VALUE)) {
                    refused.incrementAndGet();
                }
            });
            assertThat(refused).as(day.toString()).hasValue(0);
            assertThat(store.spend().day(day).reservedNanos()).isEqualTo(THREADS * 1_000L);
        }
    }

    @Test
    void concurrentReservationsNeverTogetherPassTheLimit() throws Exception {
        long limit = 1_000_000_000; // $1.00 in nano-dollars
        AtomicInteger won = new AtomicInteger();
        race(THREADS * 10, i -> {
            if (store.spend().reserve(DAY, 70_000_000, limit)) {
                won.incrementAndGet();
            }
        });
        assertThat(won.get()).isEqualTo(14);
        assertThat(store.spend().day(DAY)).isEqualTo(new SpendLedger.DaySpend(0, 14 * 70_000_000L));
    }

    @Test
    void settlingToTheActualCostAndReleasingMakeRoomAgain() {
        assertThat(store.spend().reserve(DAY, 400_000, 500_000)).isTrue();
        assertThat(store.spend().reserve(DAY, 200_000, 500_000)).isFalse();
        store.spend().settle(DAY, 400_000, 250_000);
        assertThat(store.spend().reserve(DAY, 200_000, 500_000)).isTrue();
        store.spend().release(DAY, 200_000);
        store.spend().addSpent(DAY, 100_000);
        assertThat(store.spend().day(DAY)).isEqualTo(new SpendLedger.DaySpend(350_000, 0));
        assertThat(store.spend().day(DAY.plusDays(1)).totalNanos()).isZero();
    }

    @Test
    void aClaimIsWonByExactlyOneOwner() throws Exception {
        for (int key = 0; key < 10; key++) {
            String brief = "brief-" + key;
            AtomicInteger won = new AtomicInteger();
            race(THREADS, i -> {
                if (store.ledger().claim(brief, "f", "owner-" + i, LEASE)) {
                    won.incrementAndGet();
                }
            });
            assertThat(won.get()).as(brief).isEqualTo(1);
        }
    }

    @Test
    void anExpiredLeaseHandsTheClaimOverAndARenewedOneDoesNot() {
        BriefLedger ledger = store.ledger();
        assertThat(ledger.claim("a", "f", "dead", LEASE)).isTrue();
        assertThat(ledger.claim("b", "f", "alive", LEASE)).isTrue();
        assertThat(ledger.claim("a", "f", "other", LEASE)).isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThat(ledger.renew("alive", LEASE)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(ledger.claim("a", "f", "other", LEASE)).isTrue();
        assertThat(ledger.claim("b", "f", "other", LEASE)).isFalse();
        assertThat(ledger.read("a")).hasValueSatisfying(e -> assertThat(e.owner()).isEqualTo("other"));
    }

    @Test
    void aDoneBriefStaysDoneAndIsTakenOverOnlyFromWhatWasSeen() throws Exception {
        BriefLedger ledger = store.ledger();
        assertThat(ledger.claim("c", "f1", "me", LEASE)).isTrue();
        ledger.markDone("c", "f1", "{\"brief_id\":\"c\"}");
        assertThat(ledger.isDone("c")).isTrue();
        clock.advance(LEASE.multipliedBy(2));
        assertThat(ledger.claim("c", "f2", "other", LEASE)).as("a done brief is not a dead claim").isFalse();

        BriefLedger.Entry seen = ledger.read("c").orElseThrow();
        assertThat(seen.result()).isEqualTo("{\"brief_id\":\"c\"}");
        AtomicInteger won = new AtomicInteger();
        race(THREADS, i -> {
            if (ledger.takeOver(seen, "f2", "replacer-" + i, LEASE)) {
                won.incrementAndGet();
            }
        });
        assertThat(won.get()).isEqualTo(1);
        assertThat(ledger.isDone("c")).isFalse();
    }

    @Test
    void aFailedBriefGivesItsIdBackOnlyByItsOwner() {
        BriefLedger ledger = store.ledger();
        assertThat(ledger.claim("d", "f", "me", LEASE)).isTrue();
        ledger.abandon("d", "someone-else");
        assertThat(ledger.read("d")).isPresent();
        ledger.abandon("d", "me");
        assertThat(ledger.read("d")).isEmpty();
        assertThat(ledger.claim("d", "f2", "other", LEASE)).isTrue();
    }

    @Test
    void paceSlotsAreSpacedByExactlySixtyOverNSeconds() throws Exception {
        long interval = 60_000_000L / 120; // 120 images per minute
        long now = 1_764_669_600_000_000L;
        List<Long> slots = java.util.Collections.synchronizedList(new ArrayList<>());
        race(THREADS * 5, i -> slots.add(store.pace().claim("images", interval, now)));
        List<Long> sorted = slots.stream().sorted().toList();
        assertThat(sorted.get(0)).isEqualTo(now);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).isEqualTo(interval);
        }
        // an idle row starts the next slot now, not in the past; a late request pushes the next one back
        long later = sorted.get(sorted.size() - 1) + 10 * interval;
        assertThat(store.pace().claim("images", interval, later)).isEqualTo(later);
        store.pace().notBefore("images", later + 3 * interval);
        assertThat(store.pace().claim("images", interval, later)).isEqualTo(later + 3 * interval);
    }

    @Test
    void anInboxFileIsClaimedByOneInstanceAndFreedByALapsedLease() throws Exception {
        List<InboxClaims> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(store.inboxClaims("inbox", "instance-" + i));
        }
        AtomicInteger won = new AtomicInteger();
        race(THREADS, i -> {
            if (instances.get(i % 3).add("spring.json")) {
                won.incrementAndGet();
            }
        });
        assertThat(won.get()).isEqualTo(1);
        assertThat(instances.get(0).contains("spring.json")).isTrue();

        clock.advance(LEASE.plusSeconds(1));
        long took = instances.stream().filter(c -> c.add("spring.json")).count();
        assertThat(took).as("after the holder's lease ran out").isEqualTo(1);
    }

    @Test
    void heartbeatsAndPausesShowTheFleet() {
        store.heartbeats().beat("a", "port 1");
        clock.advance(Duration.ofSeconds(20));
        store.heartbeats().beat("b", "port 2");
        store.heartbeats().beat("b", "port 2 again");
        assertThat(store.heartbeats().alive(Duration.ofSeconds(10))).extracting(Heartbeats.Beat::instance, Heartbeats.Beat::info)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "port 2 again"));
        assertThat(store.heartbeats().alive(Duration.ofSeconds(30))).hasSize(2);

        store.pause().pause("gone", "a dead instance's pause does not count");
        store.pause().pause("b", "no room");
        store.pause().pause("b", "still no room");
        assertThat(store.pause().current()).extracting(BudgetPause.Paused::reason).containsExactly("still no room");
        store.pause().resume("b");
        assertThat(store.pause().current()).isEmpty();
    }

    @Test
    void aLimitSetAtRunTimeIsTheFleetsForThatDay() {
        long dollar = 1_000_000_000;
        assertThat(store.spend().reserve(DAY, 600_000_000, dollar)).isTrue();
        assertThat(store.spend().reserve(DAY, 600_000_000, dollar)).as("this instance's setting: $1").isFalse();
        store.spend().setLimit(DAY, 2 * dollar);
        assertThat(store.spend().day(DAY).limitNanos()).isEqualTo(2 * dollar);
        assertThat(store.spend().reserve(DAY, 600_000_000, dollar)).as("the stored $2 counts over any instance's $1").isTrue();
        assertThat(store.spend().reserve(DAY, 900_000_000, dollar)).isFalse();
        store.spend().setLimit(DAY, dollar);
        assertThat(store.spend().reserve(DAY, 1, 10 * dollar)).as("lowered for the fleet, too").isFalse();
        assertThat(store.spend().day(DAY.plusDays(1)).limitSet()).as("the next day starts from the settings").isFalse();
        assertThat(store.spend().reserve(DAY.plusDays(1), 600_000_000, dollar)).isTrue();
    }

    @Test
    void theFleetsStartsAreCountedForItsMeasuredPace() {
        long interval = 60_000_000L / 300;
        long now = 1_764_669_600_000_000L;
        for (int i = 0; i < 30; i++) {
            store.pace().claim("images", interval, now);
        }
        assertThat(store.pace().claimedBetween("images", now - 60_000_000L, now + 10 * interval)).isEqualTo(11);
        assertThat(store.pace().claimedBetween("images", now, now + 60_000_000L)).isEqualTo(30);
        assertThat(store.pace().claimedBetween("other", now, now + 60_000_000L)).isZero();
    }

    @Test
    void aBeatSaysHostAndWorkUnderWay() {
        store.heartbeats().beat("a", "web-1", "port 1", 3);
        store.heartbeats().beat("a", "web-1", "port 1", 5);
        assertThat(store.heartbeats().alive(Duration.ofSeconds(10))).singleElement().satisfies(beat -> {
            assertThat(beat.host()).isEqualTo("web-1");
            assertThat(beat.inFlight()).isEqualTo(5);
        });
    }

    /** The file consumer may hold an inbox file longer than the lease (a large brief, a slow disk): the heartbeat keeps it. */
    @Test
    void aClaimHeldLongerThanTheLeaseStaysItsOwnersWhileItBeats() {
        store.close();
        StoreConfig base = config(dir);
        Duration lease = Duration.ofMillis(900);
        store = SharedStore.open(new StoreConfig(base.url(), base.user(), base.password(), base.dataDir(), lease, 4), java.time.Clock.systemUTC());
        InboxClaims mine = store.inboxClaims("inbox");
        InboxClaims other = store.inboxClaims("inbox", "other-instance");
        assertThat(mine.add("long.json")).isTrue();
        assertThat(other.add("theirs.json")).isTrue();
        assertThat(store.ledger().claim("long-brief", "f", store.instance(), lease)).isTrue();
        assertThat(store.ledger().claim("their-brief", "f", "other-instance", lease)).isTrue();
        store.startHeartbeat("test", () -> 1);

        // the claims of an owner that does not beat run out: this instance takes them
        await().atMost(lease.multipliedBy(5)).until(() -> mine.add("theirs.json"));
        await().atMost(lease.multipliedBy(5)).until(() -> store.ledger().claim("their-brief", "f", store.instance(), lease));
        // while this one beats, for three leases and more, its own stay its own
        await().during(lease.multipliedBy(3)).atMost(lease.multipliedBy(6)).until(() -> mine.contains("long.json")
                && !other.add("long.json") && !store.ledger().claim("long-brief", "f", "other-instance", lease));
    }

    /** One brief's store work on the pipeline's path: claim, read, pace slot, reserve, day read, settle, done. Prints µs per brief. */
    @Test
    void theStoreCostsLittlePerBrief() {
        int warm = 300;
        int measured = 1500;
        long begin = 0;
        for (int i = 0; i < warm + measured; i++) {
            if (i == warm) {
                begin = System.nanoTime();
            }
            String key = "cost-" + i;
            store.ledger().claim(key, "f", store.instance(), LEASE);
            store.ledger().read(key);
            store.pace().claim("images", 1, 1_764_669_600_000_000L + i);
            store.spend().reserve(DAY, 40_000, Long.MAX_VALUE);
            store.spend().day(DAY);
            store.spend().settle(DAY, 40_000, 39_000);
            store.ledger().markDone(key, "f", "{}");
        }
        double micros = (System.nanoTime() - begin) / 1_000.0 / measured;
        System.out.printf("STORE-COST %s: %.0f µs of DB time per brief (claim + read + pace slot + reserve + day read + settle + done)%n",
                getClass().getSimpleName(), micros);
        assertThat(micros).isLessThan(20_000);
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /** Runs {@code calls} steps on {@link #THREADS} threads released at once. */
    static void race(int calls, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    step.run(index);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Upgrading from a version that kept its state in files (data/ledger, data/spend): the done briefs and
     * each day's spend are in the store after the next open, the files are kept aside, and the same files
     * brought back (a copy restored by hand, or a crash before they were moved) are not counted twice.
     */
    @Test
    void theFilesOfAnEarlierVersionAreImportedOnce() throws Exception {
        store.close();
        Path data = config(dir).dataDir();
        java.nio.file.Files.createDirectories(data.resolve("ledger"));
        java.nio.file.Files.createDirectories(data.resolve("spend"));
        java.nio.file.Files.writeString(data.resolve("ledger/old-done.json"),
                "{\"fingerprint\":\"fp-1\",\"status\":\"done\",\"result\":{\"briefId\":\"old-done\",\"images\":[]}}");
        java.nio.file.Files.writeString(data.resolve("ledger/old-started.json"), "{\"fingerprint\":\"fp-2\",\"status\":\"started\",\"result\":null}");
        java.nio.file.Files.writeString(data.resolve("ledger/torn.json"), "{\"fingerprint\":\"fp-");
        // settled 0.25 + an older bare amount 0.10 + a reservation with no outcome 0.40; a released one and a torn line count nothing
        String journal = "r a 0.30\ns a 0.25\n0.10\nr b 0.40\nr c 0.50\nx c\nr d";
        java.nio.file.Files.writeString(data.resolve("spend/" + DAY + ".spend"), journal);

        store = SharedStore.open(config(dir), clock);
        assertThat(store.spend().day(DAY).spentNanos()).isEqualTo(750_000_000L);
        assertThat(store.ledger().read("old-done")).hasValueSatisfying(e -> {
            assertThat(e.done()).isTrue();
            assertThat(e.fingerprint()).isEqualTo("fp-1");
            assertThat(e.result()).contains("\"briefId\":\"old-done\"");
        });
        assertThat(store.ledger().read("old-started")).as("a brief cut off by a crash is made again, as before").isEmpty();
        assertThat(data.resolve("ledger")).doesNotExist();
        assertThat(data.resolve("legacy-imported/spend/" + DAY + ".spend")).hasContent(journal);
        assertThat(data.resolve("legacy-imported/ledger/torn.json")).exists();

        store.close();
        java.nio.file.Files.createDirectories(data.resolve("spend"));
        java.nio.file.Files.writeString(data.resolve("spend/" + DAY + ".spend"), journal);
        store = SharedStore.open(config(dir), clock);
        assertThat(store.spend().day(DAY).spentNanos()).as("the same journal again").isEqualTo(750_000_000L);
        assertThat(data.resolve("legacy-imported/spend-2/" + DAY + ".spend")).exists();
    }
}

package io.brief2image.bench;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreConfig;
import io.brief2image.testing.Fleet;
import io.brief2image.testing.PostgresServer;
import io.brief2image.testing.StandaloneBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 14 point 6. (a) Latency-bound throughput of 1, 2 and 3 packaged instances on one standalone
 * broker and one PostgreSQL database, the offline provider answering each image after 1 s:
 * per-instance caps only (concurrency C each, no pace: the fleet does N x C at once) against a
 * fleet-wide cap (the same, plus images-per-minute = 60 x C, kept by the shared pace row, so the fleet
 * does C per second whatever N). Rate = images received by the provider over the time from the first
 * to the last. (b) The shared store's cost per brief, in-process: the statements one brief makes on
 * the pipeline's path (claim, read, pace slot, reserve, day read, settle, done), µs of wall time per
 * brief on one connection at a time, PostgreSQL and embedded H2. Prints Markdown rows.
 * <p>
 * {@code mvn -B -Pbench -DskipTests package -Dbench.args="fleet --briefs 48 --concurrency 4"}
 */
public final class FleetBench {

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int briefs = 48;
        int concurrency = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--briefs" -> briefs = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PostgresServer postgres = PostgresServer.shared().orElseThrow(() -> new IllegalStateException("needs Debian's postgresql package"));
        System.out.printf(Locale.ROOT, "load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("| instances | cap | img/s | ideal img/s |");
        System.out.println("|---|---|---|---|");
        for (int size = 1; size <= 3; size++) {
            for (boolean fleetWide : List.of(false, true)) {
                double rate = throughput(size, fleetWide, briefs, concurrency);
                double ideal = fleetWide ? concurrency : (double) size * concurrency;
                System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %.0f |%n", size,
                        fleetWide ? "fleet-wide: images-per-minute " + 60 * concurrency : "per instance: concurrency " + concurrency, rate, ideal);
            }
        }
        System.out.printf(Locale.ROOT, "load average after the fleets: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        Path dir = Files.createTempDirectory("b2i-store-bench");
        System.out.println("| store | µs per brief (median of 5 x 1,000 briefs) |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| PostgreSQL (loopback, fsync off) | %.0f |%n",
                storeCost(new StoreConfig(postgres.newDatabase("bench"), "postgres", "", dir.resolve("pg"), Duration.ofSeconds(30), 4)));
        System.out.printf(Locale.ROOT, "| embedded H2 (file, WRITE_DELAY=0) | %.0f |%n",
                storeCost(new StoreConfig("", "", "", dir.resolve("h2"), Duration.ofSeconds(30), 4)));
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }

    private static double throughput(int size, boolean fleetWide, int briefs, int concurrency) throws Exception {
        Path root = Files.createTempDirectory("b2i-fleet-bench");
        try (OfflineImageServer provider = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(1000).withFixedImageBytes(2048));
             StandaloneBroker broker = StandaloneBroker.start(root.resolve("broker"))) {
            Map<String, String> settings = Map.of("concurrency", String.valueOf(concurrency),
                    "images-per-minute", fleetWide ? String.valueOf(60 * concurrency) : "0", "daily-budget-usd", "0", "inbox-quiet-ms", "50");
            try (Fleet fleet = Fleet.start(root.resolve("fleet"), broker, provider.baseUrl(), size, settings)) {
                for (int i = 0; i < briefs; i++) {
                    Path temp = fleet.inbox().resolveSibling("b-" + i + ".json.tmp");
                    Files.writeString(temp, "{\"prompt\": \"b-" + i + " marker: a bench\", \"n\": 1, \"quality\": \"low\", \"expand\": false}");
                    Files.move(temp, fleet.inbox().resolve("b-" + i + ".json"));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while (sidecars(fleet.outbox()) < briefs && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(200); // a benchmark's own poll, not a test
                }
                List<Long> times = provider.requests().stream().filter(r -> r.prompt() != null).map(RecordedRequest::receivedAtMicros).sorted().toList();
                // the last request's 1 s answer counts: rate = images / (last arrival + 1 s - first arrival)
                return times.size() / ((times.get(times.size() - 1) - times.get(0)) / 1e6 + 1.0);
            }
        }
    }

    private static long sidecars(Path outbox) throws Exception {
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).count();
        }
    }

    private static double storeCost(StoreConfig config) {
        try (SharedStore store = SharedStore.open(config, Clock.systemUTC())) {
            LocalDate day = LocalDate.now();
            double[] rounds = new double[6];
            for (int round = 0; round < rounds.length; round++) {
                long begin = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    String key = "cost-" + round + "-" + i;
                    store.ledger().claim(key, "f", store.instance(), Duration.ofSeconds(30));
                    store.ledger().read(key);
                    store.pace().claim("images", 1, System.currentTimeMillis() * 1000);
                    store.spend().reserve(day, 40_000, Long.MAX_VALUE / 4);
                    store.spend().day(day);
                    store.spend().settle(day, 40_000, 39_000);
                    store.ledger().markDone(key, "f", "{}");
                }
                rounds[round] = (System.nanoTime() - begin) / 1_000.0 / 1000;
            }
            double[] measured = java.util.Arrays.copyOfRange(rounds, 1, rounds.length); // the first round warms up
            java.util.Arrays.sort(measured);
            return measured[measured.length / 2];
        }
    }
}

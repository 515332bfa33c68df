package io.brief2image.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.Fleet;
import io.brief2image.testing.StandaloneBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one standalone broker that is killed -9 mid-run and started again: the
 * instances reconnect (failover:) by themselves, every brief is done exactly once, nothing is
 * dead-lettered or left in the inbox, and only briefs the instances held at the broker's death are
 * paid twice.
 */
class FleetBrokerRestartIT {

    static final int BRIEFS = 60;
    static final int CONCURRENCY = 2;
    /** JMS consumers of one instance at this concurrency (app.Settings.Limits#consumers). */
    static final int CONSUMERS = CONCURRENCY + 2;

    @TempDir
    Path root;

    @Test
    void theBrokerDiesAndComesBackEveryBriefDoneExactlyOnce() throws Exception {
        long started = System.nanoTime();
        try (OfflineImageServer provider = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(300).withFixedImageBytes(2048));
             StandaloneBroker broker = StandaloneBroker.start(root.resolve("broker"))) {
            Fleet fleet = Fleet.start(root.resolve("fleet"), broker, provider.baseUrl(), 2, Map.of(
                    "concurrency", String.valueOf(CONCURRENCY), "inbox-quiet-ms", "100", "retry-base-ms", "50"));
            try {
                run(fleet, broker, provider);
            } catch (Throwable failure) {
                System.out.println("FleetBrokerRestartIT failed; logs in " + fleet.collectLogs("FleetBrokerRestartIT"));
                throw failure;
            } finally {
                fleet.close();
            }
        }
        System.out.printf(Locale.ROOT, "FleetBrokerRestartIT took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void run(Fleet fleet, StandaloneBroker broker, OfflineImageServer provider) throws Exception {
        for (int i = 0; i < BRIEFS; i++) {
            Path temp = fleet.inbox().resolveSibling("restart-" + i + ".json.tmp");
            Files.writeString(temp, "{\"prompt\": \"restart-" + i + " marker: a harbour\", \"n\": 1, \"quality\": \"low\"}");
            Files.move(temp, fleet.inbox().resolve("restart-" + i + ".json"));
        }
        await("15 briefs done").atMost(Duration.ofSeconds(120)).until(() -> FleetRecords.sidecars(fleet).size() >= 15);
        broker.kill();
        int requestedAtDeath = FleetRecords.requestedBriefs(provider);
        broker.restart();

        await("all briefs done").atMost(Duration.ofSeconds(150)).until(() -> FleetRecords.sidecars(fleet).size() >= BRIEFS);
        Set<String> ids = IntStream.range(0, BRIEFS).mapToObj(i -> "restart-" + i).collect(Collectors.toSet());
        Map<String, List<JsonNode>> byBrief = FleetRecords.sidecars(fleet).stream()
                .collect(Collectors.groupingBy(s -> s.path("brief_id").asText()));
        assertThat(byBrief.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byBrief.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(fleet.failed()).isEmptyDirectory();
        assertThat(fleet.inbox()).as("no file and no claim left").isEmptyDirectory();
        assertThat(fleet.instances()).allSatisfy(i -> assertThat(i.process().isAlive()).as(i.id() + " rode out the restart").isTrue());

        long calls = provider.requests().stream().filter(r -> r.prompt() != null).count();
        assertThat(FleetRecords.requestedBriefs(provider)).isEqualTo(BRIEFS);
        assertThat(calls - BRIEFS).as("paid twice: at most what the instances held at the broker's death").isLessThanOrEqualTo(2L * CONSUMERS);
        System.out.printf(Locale.ROOT, "FleetBrokerRestartIT: %d briefs, %d provider calls, %d briefs requested when the broker died%n",
                BRIEFS, calls, requestedAtDeath);
    }
}

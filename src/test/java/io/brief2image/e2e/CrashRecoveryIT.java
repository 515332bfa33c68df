package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.store.SharedStore;
import io.brief2image.testing.EmbeddedStores;
import io.brief2image.testing.PackagedJar;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged service in the middle of a run, twice, then a restart with --once:
 * every brief ends exactly once in the outbox, no partial file is visible, and only briefs in
 * flight at a crash are paid twice.
 */
class CrashRecoveryIT {

    static final int BRIEFS = 40;
    static final int CONCURRENCY = 4;
    /** JMS consumers of the service at this concurrency (app.Settings.Limits#consumers): briefs it works on at once. */
    static final int CONSUMERS = CONCURRENCY + 2;

    @TempDir
    Path work;
    @AutoClose
    OfflineImageServer server;

    @Test
    void killedMidRunThenRestartedEveryBriefEndsExactlyOnce() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(300).withFixedImageBytes(2048));
        Files.createDirectories(work.resolve("inbox"));
        for (int i = 0; i < BRIEFS; i++) {
            Files.writeString(work.resolve("inbox/crash-" + i + ".json"), "{\"prompt\": \"crash-" + i + " marker: a windmill\", \"n\": 1}");
        }
        Files.writeString(work.resolve("inbox/batch.csv"), "id,prompt,n\n" + Stream.iterate(0, i -> i + 1).limit(10)
                .map(i -> "row-" + i + ",\"row-" + i + " marker: a barn\",1").collect(Collectors.joining("\n")) + "\n");
        int total = BRIEFS + 10;

        List<Integer> inFlightAtKill = new ArrayList<>();
        for (int crash = 1; crash <= 2; crash++) {
            int requestsBefore = server.requests().size();
            Process service = launch(List.of(), "run-" + crash + ".log");
            int doneBefore = done();
            await().atMost(Duration.ofSeconds(90)).until(() -> done() >= doneBefore + 8 && requestedBriefs() > done());
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            inFlightAtKill.add(inFlightAtKill(requestsBefore));
        }

        Process once = launch(List.of("--once"), "once.log");
        assertThat(once.waitFor(180, TimeUnit.SECONDS)).as("--once finished").isTrue();
        assertThat(once.exitValue()).as(Files.readString(work.resolve("once.log"))).isZero();

        // every brief exactly once: one image and one sidecar in its own folder, nothing failed
        List<Path> briefDirs;
        try (Stream<Path> dirs = Files.list(work.resolve("outbox"))) {
            briefDirs = dirs.toList();
        }
        assertThat(briefDirs).hasSize(total);
        for (Path dir : briefDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly(dir.getFileName() + "-1.json", dir.getFileName() + "-1.png");
            }
        }
        assertThat(work.resolve("failed")).isEmptyDirectory();
        assertThat(work.resolve("inbox")).isEmptyDirectory();
        try (Stream<Path> all = Files.walk(work.resolve("outbox"))) {
            assertThat(all.map(Path::toString)).noneMatch(name -> name.endsWith(".part") || name.contains("/."));
        }
        // billed twice only what was in flight at a crash
        Map<String, Long> perBrief = server.requests().stream().filter(r -> r.prompt() != null)
                .collect(Collectors.groupingBy(CrashRecoveryIT::briefOf, Collectors.counting()));
        assertThat(perBrief).hasSize(total);
        long repeated = perBrief.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(repeated).isLessThanOrEqualTo(inFlightAtKill.stream().mapToLong(Integer::longValue).sum());
        assertThat(inFlightAtKill).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CONSUMERS));
    }

    /**
     * The briefs this run asked the provider for that the ledger does not record as done: the only
     * ones the next run makes (and pays for) again. A brief whose files are in the outbox but whose
     * ledger entry is still "started" was cut off before its transaction ended, so it is made again
     * and counts here; counting written sidecars instead missed it. A request the service sent just
     * before it died may reach the stand-in's log a moment after the kill, so the log is read once
     * it has stopped growing.
     */
    private int inFlightAtKill(int requestsBefore) {
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(600))
                .until(() -> seen.getAndSet(server.requests().size()) == server.requests().size());
        List<RecordedRequest> requests = server.requests();
        // the killed process held the embedded store's file; now the test may open it, as the next run will
        try (SharedStore store = EmbeddedStores.open(work.resolve("data"), java.time.Clock.systemUTC())) {
            return (int) requests.subList(requestsBefore, requests.size()).stream().filter(r -> r.prompt() != null)
                    .map(CrashRecoveryIT::briefOf).distinct().filter(id -> !store.ledger().isDone(id)).count();
        }
    }

    private int requestedBriefs() {
        return (int) server.requests().stream().filter(r -> r.prompt() != null).map(CrashRecoveryIT::briefOf).distinct().count();
    }

    /** The brief id a request is for: the word before "marker" (the caption puts words such as "Photo of" before it). */
    private static String briefOf(RecordedRequest request) {
        String head = request.prompt().substring(0, request.prompt().indexOf(" marker"));
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private int done() {
        try (Stream<Path> files = Files.walk(work.resolve("outbox"))) {
            return (int) files.filter(f -> f.toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private Process launch(List<String> extra, String log) throws IOException {
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(RunningApp.freePort()));
        settings.putAll(Map.of("provider", "openai", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-test-crash",
                "expansion", "rules", "concurrency", String.valueOf(CONCURRENCY), "inbox-quiet-ms", "100", "retry-base-ms", "50"));
        return PackagedJar.launch(work, log, settings, extra.toArray(String[]::new));
    }
}

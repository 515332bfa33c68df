package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.PackagedJar;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged service while images render (the offline provider replies slowly):
 * briefs at the provider finish within stop-timeout or go back to the queue, briefs not yet at the
 * provider go back unpaid, nothing is dead-lettered, no partial file reaches the outbox, the
 * process exits within the bound, and the next start makes what is left, none of it twice.
 */
class GracefulStopIT {

    static final int BRIEFS = 4;
    static final int CONCURRENCY = 2;
    static final String IMAGES = "/v1/images/generations";

    @TempDir
    Path work;
    @AutoClose
    OfflineImageServer server;

    @Test
    void briefsAtTheProviderFinishWithinTheBoundAndTheRestWaitOnTheQueue() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
        // image requests only: the service also asks GET /v1/models at start
        server.faults().next(Fault.hang(Duration.ofSeconds(4)).forPath(IMAGES), CONCURRENCY);
        Process service = startWithBriefsInFlight(30);

        long stopped = terminate(service, 30);
        assertThat(stopped).as("exit after SIGTERM, ms").isLessThan(30_000);

        // the two at the provider were finished and written, the two waiting at the gate were not started
        assertThat(outboxBriefs()).hasSize(CONCURRENCY);
        assertThat(imageRequests()).hasSize(CONCURRENCY);
        assertNothingFailedOrPartial();

        restartOnceAndExpectEveryBriefExactlyOnce();
        assertThat(imageRequests().stream().collect(Collectors.groupingBy(r -> r.prompt(), Collectors.counting())))
                .as("no brief paid twice").hasSize(BRIEFS).allSatisfy((prompt, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void requestsStillRunningAtTheBoundAreCutOffAndTheirBriefsGoBackToTheQueue() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
        server.faults().next(Fault.hang(Duration.ofSeconds(120)).forPath(IMAGES), CONCURRENCY);
        Process service = startWithBriefsInFlight(6);

        long stopped = terminate(service, 20);
        assertThat(stopped).as("exit after SIGTERM, ms (stop-timeout 6 s)").isLessThan(6_000 + 1_000);
        assertThat(outboxBriefs()).isEmpty();
        assertThat(imageRequests()).as("nothing new started once stopping").hasSize(CONCURRENCY);
        assertNothingFailedOrPartial();

        restartOnceAndExpectEveryBriefExactlyOnce();
    }

    private Process startWithBriefsInFlight(int stopTimeoutSeconds) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        for (int i = 1; i <= BRIEFS; i++) {
            Files.writeString(work.resolve("inbox/stop-" + i + ".json"), "{\"prompt\": \"stop-" + i + " marker: a windmill\", \"n\": 1}");
        }
        Process service = PackagedJar.launch(work, "service.log", settings(Map.of("stop-timeout", String.valueOf(stopTimeoutSeconds))));
        await().atMost(Duration.ofSeconds(60)).until(() -> imageRequests().size() >= CONCURRENCY);
        return service;
    }

    /** SIGTERM, then how long the process took to exit. */
    private long terminate(Process service, int boundSeconds) throws Exception {
        long begin = System.nanoTime();
        service.destroy();
        boolean exited = service.waitFor(boundSeconds + 10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        if (!exited) {
            service.destroyForcibly().waitFor();
        }
        assertThat(exited).as(Files.readString(work.resolve("service.log"))).isTrue();
        return millis;
    }

    private void restartOnceAndExpectEveryBriefExactlyOnce() throws Exception {
        Process once = PackagedJar.launch(work, "once.log", settings(Map.of()), "--once");
        assertThat(once.waitFor(120, TimeUnit.SECONDS)).as("--once finished").isTrue();
        assertThat(once.exitValue()).as(Files.readString(work.resolve("once.log"))).isZero();
        assertThat(outboxBriefs()).hasSize(BRIEFS);
        for (String brief : outboxBriefs()) {
            try (Stream<Path> files = Files.list(work.resolve("outbox").resolve(brief))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly(brief + "-1.json", brief + "-1.png");
            }
        }
        assertNothingFailedOrPartial();
    }

    private void assertNothingFailedOrPartial() throws IOException {
        try (Stream<Path> failed = Files.list(work.resolve("failed"))) {
            assertThat(failed.toList()).as("dead letters").isEmpty();
        }
        try (Stream<Path> all = Files.walk(work.resolve("outbox"))) {
            assertThat(all.map(Path::toString)).noneMatch(name -> name.endsWith(".part") || name.contains("/."));
        }
    }

    private List<String> outboxBriefs() throws IOException {
        Path outbox = work.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(outbox)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private List<RecordedRequest> imageRequests() {
        return server.requests().stream().filter(r -> r.prompt() != null).toList();
    }

    private Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(RunningApp.freePort()));
        settings.putAll(Map.of("provider", "openai", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-test-stop",
                "expansion", "rules", "concurrency", String.valueOf(CONCURRENCY), "inbox-quiet-ms", "100"));
        settings.putAll(extra);
        return settings;
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.PackagedJar;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 3, on a real full disk: the packaged service with its outbox on a 3 MB tmpfs
 * and 1.2 MB images that the estimate (JPEG was asked for) takes for 0.4 MB, so writes do run out
 * of space. Every image paid for reaches the outbox once space is freed (some after a restart),
 * none is dead-lettered, and none is paid for twice. Needs root for the mount; skipped without.
 */
class DiskFullIT {

    static final int BRIEFS = 10;

    @TempDir
    Path work;
    OfflineImageServer server;
    Process service;
    boolean mounted;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        for (String log : List.of("run-1.log", "run-2.log")) {
            if (Files.exists(work.resolve(log))) {
                // kept for a look after a failure
                Files.copy(work.resolve(log), Path.of("target", "disk-full-it-" + log), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (mounted) {
            new ProcessBuilder("umount", work.resolve("outbox").toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void paidImagesAreKeptWhenTheOutboxIsFullAndWrittenWhenSpaceReturns() throws Exception {
        Path outbox = Files.createDirectories(work.resolve("outbox"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", outbox.toString()) == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root)");
        server = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(100).withFixedImageBytes(1_200_000));
        Files.createDirectories(work.resolve("inbox"));
        for (int i = 1; i <= BRIEFS; i++) {
            Files.writeString(work.resolve("inbox/full-" + i + ".json"),
                    "{\"prompt\": \"full-" + i + " marker: a quarry\", \"n\": 1, \"quality\": \"low\", \"output_format\": \"jpeg\"}");
        }
        Path taken = Files.createDirectories(work.resolve("taken"));

        int port = RunningApp.freePort();
        service = launch(port, "run-1.log");
        HttpCalls http = new HttpCalls(port);
        // two images fit; the next writes run out of space and are kept; later briefs wait before paying
        await().atMost(Duration.ofSeconds(90)).until(() -> kept() >= 1 && health(http).contains("outbox disk full")
                && Files.readString(work.resolve("run-1.log")).contains("waits for disk space"));
        assertThat(work.resolve("failed")).isEmptyDirectory();

        // stopped while the outbox is full: the waiting briefs go back to the queue, the kept images stay
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int keptAtStop = kept();
        assertThat(keptAtStop).isGreaterThanOrEqualTo(1);
        takeAway(taken);

        // at the next start the kept images are written first, then the waiting briefs are made
        port = RunningApp.freePort();
        service = launch(port, "run-2.log");
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            takeAway(taken);
            return briefDirs(taken).size() == BRIEFS;
        });
        for (Path dir : briefDirs(taken)) {
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly(dir.getFileName() + "-1.json", dir.getFileName() + "-1.png");
            }
        }
        assertThat(kept()).isZero();
        assertThat(work.resolve("failed")).isEmptyDirectory();
        try (Stream<Path> sidecars = Files.walk(taken)) {
            assertThat(sidecars.filter(f -> f.toString().endsWith(".json")).map(DiskFullIT::read))
                    .anyMatch(text -> text.contains("kept under data/pending-outbox"));
        }
        // each brief was paid for once; dropping one again is answered from the ledger, not paid again
        assertThat(requestsPerBrief()).hasSize(BRIEFS).allSatisfy((brief, n) -> assertThat(n).as(brief).isEqualTo(1L));
        Files.writeString(work.resolve("inbox/full-1.json"),
                "{\"prompt\": \"full-1 marker: a quarry\", \"n\": 1, \"quality\": \"low\", \"output_format\": \"jpeg\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> isEmpty(work.resolve("inbox")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(requestsPerBrief().get("full-1")).isEqualTo(1L);
    }

    private Map<String, Long> requestsPerBrief() {
        return server.requests().stream().filter(r -> r.prompt() != null)
                .collect(Collectors.groupingBy(DiskFullIT::briefOf, Collectors.counting()));
    }

    /** The brief a request was for, from the marker its prompt carries through the caption rules. */
    private static String briefOf(RecordedRequest request) {
        java.util.regex.Matcher marker = java.util.regex.Pattern.compile("full-\\d+").matcher(request.prompt());
        return marker.find() ? marker.group() : request.prompt();
    }

    private static String health(HttpCalls http) {
        try {
            return http.get("/observe/health").body();
        } catch (RuntimeException notUpYet) {
            return "";
        }
    }

    private int kept() throws IOException {
        Path pending = work.resolve("data/pending-outbox");
        if (!Files.isDirectory(pending)) {
            return 0;
        }
        try (Stream<Path> briefs = Files.list(pending)) {
            return (int) briefs.filter(b -> Files.exists(b.resolve("sidecars.json"))).count();
        }
    }

    /** What a downstream consumer does: takes finished briefs (sidecar written) out of the outbox, freeing its space. */
    private void takeAway(Path taken) throws IOException {
        for (Path dir : briefDirs(work.resolve("outbox"))) {
            String id = dir.getFileName().toString();
            if (!Files.exists(dir.resolve(id + "-1.json"))) {
                continue;
            }
            Path target = Files.createDirectories(taken.resolve(id));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static List<Path> briefDirs(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int run(String... command) throws Exception {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (IOException noSuchCommand) {
            return -1;
        }
    }

    private Process launch(int httpPort, String log) throws IOException {
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(httpPort));
        settings.putAll(Map.of("provider", "openai", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-test-disk",
                "expansion", "rules", "concurrency", "4", "inbox-quiet-ms", "100", "retry-base-ms", "50", "disk-reserve-mb", "0",
                "budget-check-ms", "300"));
        return PackagedJar.launch(work, log, settings);
    }
}

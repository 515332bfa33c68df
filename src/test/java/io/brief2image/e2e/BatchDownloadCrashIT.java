package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.CostEstimate;
import io.brief2image.base.Json;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 4: kill -9 of the packaged service while its batch's output file is being
 * downloaded and written (the offline provider in this JVM sends it at 400 kB/s, so the 8 lines of
 * ~400 kB take about 8 s and the kill lands after the second line's image is on disk). On restart
 * the service reads the results on from the download progress in the store: the provider saw one
 * batch created (no resubmission) and the output file asked for twice, every brief is in the outbox
 * once with one sidecar and no part file anywhere, nothing is in failed/, and what the store says was
 * spent is the lines times the batch price: nothing billed twice.
 */
class BatchDownloadCrashIT {

    static final int BRIEFS = 8;
    static final int IMAGE_BYTES = 300_000;
    static final long BYTES_PER_SECOND = 400_000;
    static final Pattern RESUMED = Pattern.compile("reading its results on after line (\\d+) of the output file");

    @TempDir
    Path work;
    @AutoClose
    OfflineImageServer server;
    BatchJarRun run;

    @Test
    void killedMidDownloadTheRestartReadsOnAndNothingIsSubmittedWrittenOrBilledTwice() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withBatchDelayMillis(1_000).withFixedImageBytes(IMAGE_BYTES)
                .withDownloadBytesPerSecond(BYTES_PER_SECOND));
        run = new BatchJarRun(work, server);
        run.dropBatchCsv("shelf", "a blue vase", BRIEFS);

        Process first = launch("run-1.log", RunningApp.freePort());
        Path kept = work.resolve("data/batches/images");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> count(kept) >= 2);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long keptAtKill = count(kept);
        assertThat(keptAtKill).as("lines written when the kill landed").isBetween(2L, BRIEFS - 1L);
        assertThat(sidecars()).isEmpty();
        assertThat(contentDownloads()).isEqualTo(1);

        int port = RunningApp.freePort();
        Process second = launch("run-2.log", port);
        double spentToday;
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> sidecars().size() == BRIEFS);
            spentToday = Json.MAPPER.readTree(new HttpCalls(port).get("/api/status").body()).path("fleet").path("spent_today_usd").asDouble();
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(batchesCreated()).as("batches the provider saw created").isEqualTo(1);
        assertThat(contentDownloads()).as("output file downloads: the one cut off and the one read on").isEqualTo(2);
        assertThat(run.imageCalls()).isZero();
        Matcher resumed = RESUMED.matcher(Files.readString(work.resolve("run-2.log")));
        assertThat(resumed.find()).as("run-2.log says where it read on").isTrue();
        // progress is recorded after a line's image is moved and its outcome stored: at most one line behind the files
        assertThat(Long.parseLong(resumed.group(1))).isBetween(Math.max(1, keptAtKill - 1), keptAtKill);
        System.out.printf("killed with %d of %d images on disk; the restart read on after line %s%n", keptAtKill, BRIEFS, resumed.group(1));

        List<JsonNode> sidecars = sidecars().stream().map(RunningApp::readJson).toList();
        assertThat(sidecars).extracting(s -> s.path("batch").path("id").asText()).containsOnly(sidecars.get(0).path("batch").path("id").asText());
        for (int i = 0; i < BRIEFS; i++) {
            try (Stream<Path> files = Files.list(work.resolve("outbox/shelf-" + i))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly("shelf-" + i + "-1.json", "shelf-" + i + "-1.png");
            }
            assertThat(Files.size(work.resolve("outbox/shelf-" + i + "/shelf-" + i + "-1.png"))).isGreaterThanOrEqualTo(IMAGE_BYTES / 2);
        }
        assertThat(count(kept)).as("images waiting in data/batches/images").isZero();
        assertThat(partFiles()).as("part files left anywhere").isEmpty();
        assertThat(work.resolve("failed")).isEmptyDirectory();

        // each line at the batch price of its usage; the store's spend is their sum, nothing twice
        // (sidecars round cost_usd to micro-dollars, the store keeps it exact: half a micro-dollar each apart at most)
        double rounding = 5e-7;
        ModelSpec model = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();
        assertThat(model.batchFactor()).isEqualTo(0.5);
        double total = 0;
        for (JsonNode s : sidecars) {
            double now = CostEstimate.of(model, s.path("usage"), s.path("quality").asText(null), s.path("size").asText(), 1);
            assertThat(s.path("cost_usd").asDouble()).isCloseTo(now * 0.5, within(rounding));
            total += s.path("cost_usd").asDouble();
        }
        assertThat(total).isPositive();
        assertThat(spentToday).as("spent today in the store").isCloseTo(total, within(BRIEFS * rounding));
    }

    private long batchesCreated() {
        return run.batchesCreated();
    }

    private long contentDownloads() {
        return server.requests().stream().filter(r -> "GET".equals(r.method()) && r.path().endsWith("/content")).count();
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private List<Path> sidecars() throws IOException {
        return run.sidecars();
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private Process launch(String log, int httpPort) throws IOException {
        return run.launch(log, httpPort, Map.of("batch-max-lines", String.valueOf(BRIEFS), "batch-max-wait", "30"));
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 4: kill -9 of the packaged service while its batch is pending at the provider (an
 * offline server in this JVM, so it outlives the service). On restart the service polls the batch it
 * recorded instead of submitting its lines again: the provider sees one batch, and every brief ends
 * once in the outbox, from that batch, with nothing left behind.
 */
class BatchCrashIT {

    static final int BRIEFS = 6;

    @TempDir
    Path work;
    @AutoClose
    OfflineImageServer server;
    BatchJarRun run;

    @Test
    void killedWhileABatchIsPendingTheRestartPollsItAndNothingIsSubmittedOrWrittenTwice() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withBatchDelayMillis(6_000));
        run = new BatchJarRun(work, server);
        run.dropBatchCsv("night", "a lantern", BRIEFS);

        Process first = launch("run-1.log");
        await().atMost(Duration.ofSeconds(90)).until(() -> batchesCreated() == 1);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sidecars()).isEmpty();

        Process second = launch("run-2.log");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> sidecars().size() == BRIEFS);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(batchesCreated()).as("batches the provider saw created").isEqualTo(1);
        List<JsonNode> sidecars = sidecars().stream().map(RunningApp::readJson).toList();
        assertThat(sidecars).extracting(s -> s.path("batch").path("id").asText()).containsOnly(sidecars.get(0).path("batch").path("id").asText());
        for (int i = 0; i < BRIEFS; i++) {
            try (Stream<Path> files = Files.list(work.resolve("outbox/night-" + i))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .containsExactly("night-" + i + "-1.json", "night-" + i + "-1.png");
            }
        }
        assertThat(run.imageCalls()).isZero();
        try (Stream<Path> left = Files.list(work.resolve("data/batches/images"))) {
            assertThat(left).isEmpty();
        }
        assertThat(work.resolve("failed")).isEmptyDirectory();
    }

    private long batchesCreated() {
        return run.batchesCreated();
    }

    private List<Path> sidecars() throws IOException {
        return run.sidecars();
    }

    private Process launch(String log) throws IOException {
        return run.launch(log, RunningApp.freePort(), Map.of("batch-max-wait", "1"));
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged service between the two calls of one brief (the Responses provider makes
 * one image per call): the first call's image is paid for, so the brief made again after the
 * restart takes it and pays only for the call that was in flight at the kill.
 */
class PaidImageCrashIT {

    @TempDir
    Path work;
    @AutoClose
    OfflineImageServer server;

    @Test
    void theImagePaidForBeforeTheKillIsNotPaidForAgain() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(2500).withFixedImageBytes(2048));
        Files.createDirectories(work.resolve("inbox"));
        Files.writeString(work.resolve("inbox/lanterns.json"), "{\"prompt\": \"lanterns marker: two paper lanterns on a pier\", \"n\": 2}");

        Process first = launch("run-1.log");
        // the first call answered (its image kept as paid) and the second is at the provider
        await().atMost(Duration.ofSeconds(60)).until(() -> calls() == 2 && records() == 1);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(work.resolve("outbox/lanterns")).doesNotExist();

        Process second = launch("run-2.log");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> sidecars().size() == 2);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        // one call paid again: the one in flight at the kill, not the one answered before it
        assertThat(calls()).as(Files.readString(work.resolve("run-2.log"))).isEqualTo(3);
        List<JsonNode> sidecars = sidecars();
        assertThat(sidecars).extracting(s -> s.path("provider").asText()).containsOnly("responses");
        assertThat(sidecars).allSatisfy(s -> assertThat(s.path("cost_usd").asDouble()).isPositive());
        try (Stream<Path> files = Files.list(work.resolve("outbox/lanterns"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("lanterns-1.json", "lanterns-1.png", "lanterns-2.json", "lanterns-2.png");
        }
        assertThat(work.resolve("failed")).isEmptyDirectory();
        assertThat(records()).isZero();
    }

    private long calls() {
        return server.requests().stream().filter(r -> r.path().equals("/v1/responses") && r.prompt() != null
                && r.prompt().contains("lanterns marker")).count();
    }

    private long records() {
        try (Stream<Path> files = Files.list(work.resolve("data/paid"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".paid.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private List<JsonNode> sidecars() throws IOException {
        Path dir = work.resolve("outbox/lanterns");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(f -> {
                try {
                    return Json.MAPPER.readTree(f.toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private Process launch(String log) throws IOException {
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(RunningApp.freePort()));
        settings.putAll(Map.of("provider", "responses", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-test-paid",
                "expansion", "rules", "concurrency", "1", "inbox-quiet-ms", "100", "retry-base-ms", "50"));
        return PackagedJar.launch(work, log, settings);
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.cli.Brief2Image;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.RunningApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --once drains the inbox and exits 0 when every brief was done, 3 when any was dead-lettered. */
class OnceModeTest {

    @Test
    void allDoneExitsZero(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/one.json"), "{\"prompt\": \"a fern\", \"n\": 1}");
        Files.writeString(root.resolve("inbox/two.txt"), "a cactus in a pot");
        assertThat(Brief2Image.run(args(root))).isEqualTo(0);
        assertThat(sidecars(root.resolve("outbox"))).hasSize(3);
        assertThat(root.resolve("inbox/one.json")).doesNotExist();
    }

    @Test
    void anyDeadLetterExitsThree(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/good.json"), "{\"prompt\": \"a fern\", \"n\": 1}");
        Files.writeString(root.resolve("inbox/bad.json"), "{\"prompt\": ");
        assertThat(Brief2Image.run(args(root))).isEqualTo(3);
        assertThat(sidecars(root.resolve("outbox"))).hasSize(1);
        assertThat(root.resolve("failed/bad.json.error.json")).exists();
    }

    /**
     * Batch briefs in --once: their lines go to the provider before the run ends (not left in an open file
     * for batch-max-quiet), the summary says they wait, and the next --once after the batch ended reads
     * the results and publishes the images at the batch price.
     */
    @Test
    void batchBriefsAreSentBeforeTheRunEndsAndTheNextRunReadsTheirResults(@TempDir Path root) throws Exception {
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withBatchDelayMillis(3_000))) {
            Files.createDirectories(root.resolve("inbox"));
            Files.writeString(root.resolve("inbox/overnight.json"), "{\"prompt\": \"a fern on a sill\", \"n\": 1, \"priority\": \"batch\"}");
            String[] args = args(root, "provider=openai", "openai-base-url=" + server.baseUrl(), "openai-api-key=sk-test-once-batch",
                    "batch-max-quiet=3600");
            Run first = run(args);
            assertThat(first.exit()).isZero();
            assertThat(first.out()).contains("0 briefs done, 0 failed").contains("1 briefs wait in Batch API batches");
            assertThat(root.resolve("outbox/overnight")).doesNotExist();
            assertThat(batches(server)).as("the batch was created before the run ended").hasSize(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> batches(server).get(0).path("status").asText().equals("completed"));
            Run second = run(args);
            assertThat(second.exit()).isZero();
            assertThat(second.out()).contains("1 briefs done, 0 failed, 1 images").doesNotContain("Batch API batches");
            JsonNode sidecar = RunningApp.readJson(root.resolve("outbox/overnight/overnight-1.json"));
            assertThat(sidecar.path("priority").asText()).isEqualTo("batch");
            assertThat(sidecar.path("batch").path("id").asText()).isEqualTo(batches(server).get(0).path("id").asText());
            assertThat(batches(server)).as("nothing submitted again").hasSize(1);
        }
    }

    /** The embedded offline provider forgets its batches when the run ends: the next run makes those briefs now, with a warning. */
    @Test
    void aBatchTheProviderNoLongerKnowsIsMadeNowByTheNextRun(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/forgotten.json"), "{\"prompt\": \"a fern on a sill\", \"n\": 1, \"priority\": \"batch\"}");
        String[] args = args(root, "offline.batch-delay-seconds=600");
        assertThat(run(args).out()).contains("1 briefs wait in Batch API batches");

        Run second = run(args);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("1 briefs done, 0 failed, 1 images");
        JsonNode sidecar = RunningApp.readJson(root.resolve("outbox/forgotten/forgotten-1.json"));
        assertThat(sidecar.path("priority").asText()).isEqualTo("now");
        assertThat(sidecar.toString()).contains("is no longer known to the image service");
    }

    record Run(int exit, String out) {
    }

    private static Run run(String[] args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int exit = Brief2Image.run(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static List<JsonNode> batches(OfflineImageServer server) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/batches"))
                .header("Authorization", "Bearer sk-test-once-batch").build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> list = new ArrayList<>();
        Json.MAPPER.readTree(reply.body()).path("data").forEach(list::add);
        return list;
    }

    private static String[] args(Path root, String... more) {
        List<String> args = new ArrayList<>(List.of("--once"));
        for (String setting : List.of("inbox", "outbox", "failed", "data")) {
            args.add("--set");
            args.add(setting + "=" + root.resolve(setting));
        }
        args.addAll(List.of("--set", "http-port=" + RunningApp.freePort(), "--set", "broker-listen=tcp://127.0.0.1:" + RunningApp.freePort(),
                "--set", "inbox-quiet-ms=100", "--set", "openai-api-key="));
        for (String setting : more) {
            args.add("--set");
            args.add(setting);
        }
        return args.toArray(String[]::new);
    }

    private static List<Path> sidecars(Path outbox) throws IOException {
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}

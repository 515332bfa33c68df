package io.brief2image.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.PackagedJar;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 15 point 8, the cost row: the same N catalogue briefs (gpt-image-2, one image each) through the
 * packaged jar twice, on an offline provider in this JVM that reports token usage as OpenAI does: once
 * {@code priority now} (N synchronous calls), once {@code priority batch} (one batch of N lines,
 * {@code batch-max-lines = N}). What each run paid is summed from the {@code cost_usd} of its sidecars
 * and compared with what its store says was spent today ({@code GET /api/status}), so a line billed twice
 * would show. Prints a Markdown table and the ratio.
 * <p>
 * {@code mvn -B -Pbench -DskipTests package -Dbench.args="batch-cost --briefs 200"} ({@code --briefs 2000}
 * for the full run; {@code batch-download} runs it too, with {@code --cost-briefs}).
 */
public final class BatchCostBench {

    /** What one run made and paid. */
    record Run(String priority, int briefs, int sidecars, long imageCalls, long batchesCreated, long batchLines, double sidecarUsd,
               double spentTodayUsd, double seconds) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BatchCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int briefs = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--briefs")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            briefs = Integer.parseInt(args[i + 1]);
        }
        print(briefs);
        System.exit(0);
    }

    /** Both runs, one table. */
    static void print(int briefs) throws Exception {
        System.out.printf(Locale.ROOT, "load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        Run now = run("now", briefs);
        Run batch = run("batch", briefs);
        System.out.println("| priority | briefs | sidecars | image calls | batches created | batch lines | Σ sidecar cost_usd | spent today (store) | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Run r : List.of(now, batch)) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | $%.6f | $%.6f | %.1f |%n", r.priority(), r.briefs(), r.sidecars(),
                    r.imageCalls(), r.batchesCreated(), r.batchLines(), r.sidecarUsd(), r.spentTodayUsd(), r.seconds());
        }
        System.out.printf(Locale.ROOT, "batch / now (sidecars): %.4f; saved $%.4f on %d briefs%n", batch.sidecarUsd() / now.sidecarUsd(),
                now.sidecarUsd() - batch.sidecarUsd(), briefs);
        System.out.printf(Locale.ROOT, "load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    static Run run(String priority, int briefs) throws Exception {
        Path root = Files.createDirectories(Path.of("target", "bench", "batch-cost", priority).toAbsolutePath());
        BenchMain.deleteTree(root);
        Files.createDirectories(root.resolve("inbox"));
        StringBuilder csv = new StringBuilder("id,prompt,n,priority\n");
        for (int i = 0; i < briefs; i++) {
            csv.append("mug-").append(i).append(",a ceramic mug on a white table catalogue shot ").append(i).append(",1,").append(priority).append('\n');
        }
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withFixedImageBytes(2048).withBatchDelayMillis(2000))) {
            int port = RunningApp.freePort();
            Map<String, String> settings = new HashMap<>(PackagedJar.ports(port));
            settings.putAll(Map.of("provider", "openai", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-bench-batch-cost",
                    "expansion", "rules", "inbox-quiet-ms", "100", "daily-budget-usd", "0", "concurrency", "8",
                    "batch-max-lines", String.valueOf(briefs), "batch-max-wait", "600"));
            long start = System.nanoTime();
            Process service = PackagedJar.launch(root, "service.log", settings);
            try {
                Files.writeString(root.resolve("inbox/catalogue.csv"), csv);
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> sidecars(root).size() >= briefs);
                double seconds = (System.nanoTime() - start) / 1e9;
                List<JsonNode> sidecars = sidecars(root).stream().map(RunningApp::readJson).toList();
                double usd = sidecars.stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
                JsonNode status = Json.MAPPER.readTree(get("http://127.0.0.1:" + port + "/api/status", null));
                long imageCalls = server.requests().stream().filter(r -> r.path().endsWith("/images/generations")).count();
                long created = server.requests().stream().filter(r -> "POST".equals(r.method()) && r.path().endsWith("/batches")).count();
                long lines = 0;
                for (JsonNode b : Json.MAPPER.readTree(get(server.baseUrl() + "/batches", "sk-bench-batch-cost")).path("data")) {
                    lines += b.path("request_counts").path("total").asLong();
                }
                return new Run(priority, briefs, sidecars.size(), imageCalls, created, lines, usd,
                        status.path("fleet").path("spent_today_usd").asDouble(), seconds);
            } finally {
                service.destroy();
                service.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static List<Path> sidecars(Path root) throws IOException {
        if (!Files.isDirectory(root.resolve("outbox"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private static String get(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }
}

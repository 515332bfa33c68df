package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RawHttp;
import io.brief2image.testing.RunningApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operators' HTTP surface on the real Main: metrics, health, status API, outbox files, replay from loopback. */
class StatusApiTest {

    private static final String SECRET = "TOP-SECRET-NEXT-TO-THE-OUTBOX";

    @TempDir
    static Path root;
    static RunningApp app;
    static HttpCalls http;

    @BeforeAll
    static void start() throws Exception {
        // a file beside the outbox and a link inside it that points at that file: neither may be served
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.createDirectories(root.resolve("outbox/escape"));
        Files.createSymbolicLink(root.resolve("outbox/escape/link.png"), root.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outbox/linked-dir"), root);
        app = new RunningApp(root).start();
        http = new HttpCalls(app.httpPort());
        app.drop("lighthouse.json", "{\"id\": \"lighthouse\", \"prompt\": \"a lighthouse at dusk\", \"n\": 1, \"seed\": 7}");
        app.awaitSidecars("lighthouse", 1);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void metricsShowCamelRouteMetricsAndThePipelinesOwnInOneRegistry() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> metrics = http.get("/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("camel_exchanges_total")
                    .contains("routeId=\"produce\"")
                    .containsPattern("brief2image_images_total\\{[^}]*model=\"gpt-image-2\"[^}]*} 1\\.0")
                    .contains("brief2image_briefs_total")
                    // every meter carries the instance (issue 14): the fleet's scrapes stay apart
                    .containsPattern("brief2image_queue_depth\\{instance=\"[^\"]+\",queue=\"briefs\"}")
                    .containsPattern("brief2image_queue_depth\\{instance=\"[^\"]+\",queue=\"briefs.DLQ\"}")
                    .contains("brief2image_in_flight")
                    .contains("brief2image_dead_letters")
                    .contains("brief2image_provider_request_seconds_bucket");
        });
        assertThat(app.context().getRegistry().findByType(MeterRegistry.class)).hasSize(1);
    }

    @Test
    void everyMetricTheDashboardQueriesIsScraped() throws Exception {
        JsonNode dashboard = Json.MAPPER.readTree(Path.of("docs/ops/grafana-dashboard.json").toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher names = Pattern.compile("\\b(?:brief2image|camel|jvm)_[a-z_]+").matcher(target.path("expr").asText());
            while (names.find()) {
                queried.add(names.group());
            }
        }));
        // these appear on their first retry or rate-limit wait, which this run never has
        queried.removeAll(Set.of("brief2image_retries_total", "brief2image_rate_limit_wait_seconds_sum",
                "brief2image_rate_limit_wait_seconds_count"));
        String scrape = http.get("/observe/metrics").body();
        assertThat(queried).isNotEmpty().allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
        assertThat(Files.readString(Path.of("docs/ops/prometheus.yml"))).contains("metrics_path: /observe/metrics");
    }

    @Test
    void healthIsUpAndNamesEveryCheck() throws Exception {
        HttpResponse<String> health = http.get("/observe/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        List<String> names = new ArrayList<>();
        body.path("checks").forEach(check -> names.add(check.path("name").asText()));
        assertThat(names).contains("broker", "folders", "provider", "budget", "consumption", "consumers");
        assertThat(health.body()).contains("offline provider running").contains("embedded broker connected");

        assertThat(http.get("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void statusCountsWhatWasDone() throws Exception {
        JsonNode status = Json.MAPPER.readTree(http.get("/api/status").body());
        assertThat(status.path("briefs_done").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(status.path("images").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(status.path("queue_depth").has("briefs")).isTrue();
        assertThat(status.path("queue_depth").has("briefs.DLQ")).isTrue();
        assertThat(status.path("provider").asText()).isEqualTo("offline");
        assertThat(status.path("budget").path("paused").asBoolean()).isFalse();
    }

    @Test
    void imagesListTheRenderedImageWithItsPromptsAndServeIt() throws Exception {
        HttpResponse<String> images = http.get("/api/images?limit=50");
        assertThat(images.statusCode()).isEqualTo(200);
        JsonNode list = Json.MAPPER.readTree(images.body());
        JsonNode card = null;
        for (JsonNode each : list) {
            if (each.path("brief_id").asText().equals("lighthouse")) {
                card = each;
            }
        }
        assertThat(card).as(images.body()).isNotNull();
        assertThat(card.path("prompt").asText()).isEqualTo("a lighthouse at dusk");
        assertThat(card.path("image_prompt").asText()).isNotBlank();
        assertThat(card.path("seed").asLong()).isEqualTo(7);
        assertThat(card.path("model").asText()).isEqualTo("gpt-image-2");

        HttpResponse<byte[]> image = http.getBytes("/files/lighthouse/" + card.path("file").asText());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(Files.readAllBytes(app.outbox().resolve("lighthouse").resolve(card.path("file").asText())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/files/../secret.txt",
        "/files/lighthouse/../../secret.txt",
        "/files/x/..%2F..%2Fsecret.txt",
        "/files/x/..%2f..%2fsecret.txt",
        "/files/..%2F../secret.txt",
        "/files/%2E%2E/%2E%2E%2Fsecret.txt",
        "/files/x/%2E%2E%2F%2E%2E%2Fsecret.txt",
        "/files/x/..%252F..%252Fsecret.txt",
        "/files/%252E%252E/%252E%252E%252Fsecret.txt",
        "/files/x/..%5C..%5Csecret.txt",
        "/files/x/%00secret.txt",
        "/files/escape/link.png",
        "/files/linked-dir/secret.txt",
        "/files/.hidden/x.png",
        "/files/lighthouse/.x",
        "/files/lighthouse/lighthouse-1.png?briefId=..&file=secret.txt",
        "/files//secret.txt",
        "/files/lighthouse",
        "/status/../secret.txt",
        "/status/status.js/../../secret.txt"})
    void nothingOutsideTheOutboxIsEverServed(String path) {
        RawHttp.Reply reply = RawHttp.get(app.httpPort(), path);
        assertThat(reply.body()).doesNotContain(SECRET);
        if (!path.contains("?")) {
            assertThat(reply.status()).as(path + " -> " + reply.head()).isIn(400, 404, 405);
        }
    }

    @Test
    void replayFromLoopbackMovesTheDeadLetterBack() throws Exception {
        app.drop("broken.json", "{\"prompt\": \"a cat\",");
        app.awaitDeadLetter("broken.json");
        JsonNode dead = Json.MAPPER.readTree(http.get("/api/dead-letters").body());
        assertThat(dead.findValuesAsText("name")).contains("broken.json");
        assertThat(dead.findValuesAsText("reason")).anySatisfy(reason -> assertThat(reason).contains("not valid JSON"));
        // the operator's technical text travels beside the reason, never inside it
        assertThat(dead.findValuesAsText("detail")).anySatisfy(detail -> assertThat(detail).startsWith("JSON parser: Unexpected end-of-input"));

        HttpResponse<String> replay = http.post("/api/replay");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("broken.json").contains("inbox/broken.json");
        assertThat(replay.headers().firstValue("Authorization")).isEmpty();
        // still malformed, so it comes back as a dead letter
        app.awaitDeadLetter("broken.json");
    }

    @Test
    void replayIsPostOnly() {
        assertThat(http.get("/api/replay").statusCode()).isIn(404, 405);
    }
}

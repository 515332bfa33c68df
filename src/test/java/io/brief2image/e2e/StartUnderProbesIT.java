package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service started ten times while /observe/health is polled every 100 ms from the
 * moment of launch, as an orchestrator's probes do: every start takes a brief dropped once health
 * says UP, and health never says UP before the JMS consumers are attached.
 */
class StartUnderProbesIT {

    static final int STARTS = 10;
    /**
     * Each of the ten JVMs starts, renders one brief and stops: the JIT's first tier only, as for any
     * short-lived JVM. Without the optimising compiler a start took 3.8-4.7 CPU-s before UP instead
     * of 6.0-6.1 (measured at load 9-10), work nothing here runs long enough to repay; what is checked
     * (no UP before the consumers, the brief after UP is made, no consumer errors) does not depend on the JIT.
     */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path work;

    @Test
    void everyStartUnderEarlyProbesConsumesABriefDroppedAfterUp() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int start = 1; start <= STARTS; start++) {
                startOnce(start, http, probes);
            }
        } finally {
            probes.shutdownNow();
        }
    }

    private void startOnce(int start, HttpClient http, ScheduledExecutorService probes) throws Exception {
        Path dir = Files.createDirectories(work.resolve("start-" + start));
        int port = RunningApp.freePort();
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(port));
        settings.put("inbox-quiet-ms", "100");
        settings.put("concurrency", "2");
        // the offline provider sends one fixed small PNG instead of painting a 1024x1024 preview: what is
        // measured is the start, and the painting cost each start a second of CPU
        settings.put("offline.image-bytes", "2048");
        List<JsonNode> upAnswers = new CopyOnWriteArrayList<>();
        String[] lastAnswer = {"none"};
        Process service = PackagedJar.launch(dir, "service.log", SHORT_LIVED, settings, Map.of());
        var polling = probes.scheduleAtFixedRate(() -> probe(http, port, upAnswers, lastAnswer), 0, 100, TimeUnit.MILLISECONDS);
        try {
            String log = "start " + start + ", log " + dir.resolve("service.log");
            try {
                await(log).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !upAnswers.isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("start " + start + ": health never said UP; last answer " + lastAnswer[0] + "; service log:\n"
                        + Files.readString(dir.resolve("service.log")), e);
            }
            // UP only once the consumers are attached and the inbox runs
            assertThat(check(upAnswers.get(0), "consumers").path("status").asText()).as(log).isEqualTo("UP");

            Files.writeString(dir.resolve("inbox/probe-" + start + ".json"),
                    "{\"id\": \"probe-" + start + "\", \"prompt\": \"a lighthouse at dawn\", \"n\": 1}");
            try {
                await(log).atMost(Duration.ofSeconds(30))
                        .until(() -> Files.exists(dir.resolve("outbox/probe-" + start + "/probe-" + start + "-1.png")));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("start " + start + ": the brief dropped after UP was not rendered; service log:\n"
                        + Files.readString(dir.resolve("service.log")), e);
            }
            assertThat(Files.readString(dir.resolve("service.log"))).as(log)
                    .doesNotContain("listener invoker failed").doesNotContain("Session is closed");
        } finally {
            polling.cancel(true);
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    private static void probe(HttpClient http, int port, List<JsonNode> upAnswers, String[] lastAnswer) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            lastAnswer[0] = reply.body();
            JsonNode body = Json.MAPPER.readTree(reply.body());
            if (reply.statusCode() == 200 && body.path("status").asText().equals("UP")) {
                upAnswers.add(body);
            }
        } catch (IOException e) {
            // not listening yet: an orchestrator's probe fails the same way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode check(JsonNode health, String name) {
        try (Stream<JsonNode> checks = java.util.stream.StreamSupport.stream(health.path("checks").spliterator(), false)) {
            return checks.filter(c -> c.path("name").asText().equals(name)).findFirst().orElseThrow(
                    () -> new AssertionError("no check " + name + " in " + health));
        }
    }
}

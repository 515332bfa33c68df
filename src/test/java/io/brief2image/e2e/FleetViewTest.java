package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.PostgresServer;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 4: two instances on one PostgreSQL database see the fleet. /api/status and the
 * {@code fleet} health check of either list both instances (id, host, beats, in flight), the fleet's
 * spend against its one budget and its shared pace (configured, and started over the last minute by
 * both); every metric line carries {@code instance="…"}.
 */
class FleetViewTest {

    @Test
    void twoInstancesOnOneDatabaseSeeEachOther(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed here (.ci/run installs it)");
        String url = server.newDatabase("fleetview");
        try (RunningApp alpha = instance(root.resolve("alpha"), url, "alpha").start();
             // as a fleet runs (one JVM holds one embedded broker): beta on alpha's broker, one inbox and outbox
             RunningApp beta = instance(root.resolve("beta"), url, "beta").set("broker-url", alpha.settings().get("brief2image.broker-listen"))
                     .set("inbox", alpha.inbox().toString()).set("outbox", alpha.outbox().toString())
                     .set("failed", alpha.failed().toString()).start()) {
            alpha.drop("lighthouse.json", "{\"prompt\": \"a lighthouse\", \"n\": 1}");
            alpha.drop("harbour.json", "{\"prompt\": \"a harbour\", \"n\": 2}");
            alpha.awaitSidecars("lighthouse", 1);
            alpha.awaitSidecars("harbour", 2);

            HttpCalls http = new HttpCalls(alpha.httpPort());
            await("both beat").atMost(Duration.ofSeconds(20))
                    .until(() -> fleet(http).path("instances").size() == 2);
            JsonNode fleet = fleet(http);
            List<String> names = new ArrayList<>();
            fleet.path("instances").forEach(i -> {
                names.add(i.path("instance").asText());
                assertThat(i.path("host").asText()).isNotBlank();
                assertThat(i.path("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(i.path("last_beat").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                assertThat(i.has("in_flight")).isTrue();
                assertThat(i.path("self").asBoolean()).isEqualTo(i.path("instance").asText().startsWith("alpha-"));
            });
            assertThat(names).anySatisfy(n -> assertThat(n).startsWith("alpha-")).anySatisfy(n -> assertThat(n).startsWith("beta-"));
            assertThat(fleet.path("daily_budget_usd").asDouble()).isEqualTo(25.0);
            assertThat(fleet.path("spent_today_usd").asDouble()).as("three images of the two instances").isPositive();
            assertThat(fleet.path("images_per_minute_configured").asInt()).isEqualTo(600);
            assertThat(fleet.path("images_per_minute_last_minute").asInt()).as("the images of both instances").isEqualTo(3);
            // the other instance sees the same fleet
            JsonNode seenByBeta = fleet(new HttpCalls(beta.httpPort()));
            assertThat(seenByBeta.path("instances").size()).isEqualTo(2);
            assertThat(seenByBeta.path("spent_today_usd").asDouble()).isEqualTo(fleet.path("spent_today_usd").asDouble());

            JsonNode check = check(http, "fleet");
            assertThat(check.path("status").asText()).isEqualTo("UP");
            assertThat(check.path("message").asText()).startsWith("2 instances alive; spent today $").contains(" of $25.00")
                    .contains("3 images started in the last minute (pace 600 per minute)");

            String scrape = http.get("/observe/metrics").body();
            assertThat(scrape).containsPattern("(?m)^brief2image_spend_usd\\{[^}]*instance=\"alpha\"");
            assertThat(new HttpCalls(beta.httpPort()).get("/observe/metrics").body())
                    .containsPattern("(?m)^brief2image_spend_usd\\{[^}]*instance=\"beta\"");
        }
    }

    private static RunningApp instance(Path root, String url, String id) {
        return new RunningApp(root).set("db-url", url).set("db-user", "postgres").set("instance-id", id)
                .set("images-per-minute", "600").set("daily-budget-usd", "25");
    }

    private static JsonNode fleet(HttpCalls http) throws Exception {
        return Json.MAPPER.readTree(http.get("/api/status").body()).path("fleet");
    }

    private static JsonNode check(HttpCalls http, String name) throws Exception {
        for (JsonNode check : Json.MAPPER.readTree(http.get("/observe/health").body()).path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no health check " + name);
    }
}

package io.brief2image.e2e;

import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.admission.Budget;
import io.brief2image.base.Json;
import io.brief2image.admission.CostEstimate;
import io.brief2image.admission.Estimates;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 2: every paid request reserves its estimated cost before it is sent, so the
 * daily budget holds at any concurrency, and chat tokens count too. The offline provider reports
 * usage of about $0.125 for a high-quality 1024x1024 gpt-image-2 image; the reservation is the model
 * table's per-image $0.211, so usage never exceeds the estimate.
 */
class BudgetAdmissionTest {

    static final ModelSpec MODEL = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();
    static final Estimates ESTIMATES = Estimates.load("classpath:estimates.yaml", "classpath:models.yaml");

    @Test
    void fortyBriefsAtConcurrencyEightNeverSpendPastTheBudgetAndARaiseResumesThem(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).set("daily-budget-usd", "1.00").set("concurrency", "8")
                .set("offline.latency-ms", "200").start()) {
            for (int i = 1; i <= 40; i++) {
                app.drop("dear-" + i + ".json", "{\"prompt\": \"a dear lighthouse " + i + "\", \"n\": 1, \"quality\": \"high\"}");
            }
            Budget budget = app.bean("budget", Budget.class);
            HttpCalls http = new HttpCalls(app.httpPort());
            // paused, every request sent answered and written (nothing reserved any more), and it stays so:
            // nothing more is paid for while the budget is exhausted
            await().atMost(Duration.ofSeconds(60)).during(Duration.ofMillis(1500)).until(() -> budget.paused()
                    && budget.spentTodayUsd() > 0 && sidecars(app.outbox()).size() == offline(app).requests().size());
            JsonNode status = Json.MAPPER.readTree(http.get("/api/status").body());
            assertThat(status.path("budget").path("paused").asBoolean()).isTrue();
            assertThat(status.path("budget").path("reason").asText()).contains("daily budget of $1.00");
            JsonNode health = Json.MAPPER.readTree(http.get("/observe/health").body());
            assertThat(health.toString()).contains("leaves no room in the daily budget");
            assertThat(budget.spentTodayUsd()).isLessThanOrEqualTo(1.00);
            double paid = sidecars(app.outbox()).stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
            assertThat(paid).isCloseTo(budget.spentTodayUsd(), org.assertj.core.data.Offset.offset(1e-5));
            // it stopped because the next image did not fit, not earlier
            String prompt = offline(app).requests().get(0).prompt();
            assertThat(paid + CostEstimate.before(MODEL, ESTIMATES, prompt, "1024x1024", "high", 1, false)).isGreaterThan(1.00);
            assertThat(app.failed()).isEmptyDirectory();
            // the store says the same (what a restart or another instance reads)
            assertThat(app.bean("store", io.brief2image.store.SharedStore.class).spend().day(java.time.LocalDate.now(Clock.systemUTC()))
                    .totalNanos() / 1e9).isCloseTo(paid, org.assertj.core.data.Offset.offset(1e-5));

            assertThat(http.post("/api/budget?daily_usd=10").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(90)).until(() -> sidecars(app.outbox()).size() == 40);
            assertThat(offline(app).requests()).hasSize(40);
            assertThat(budget.paused()).isFalse();
            double paidForAll = sidecars(app.outbox()).stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
            assertThat(budget.spentTodayUsd()).isLessThanOrEqualTo(10.0).isCloseTo(paidForAll, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(app.failed()).isEmptyDirectory();
        }
    }

    @Test
    void chatTokensArePricedAndCountInCostAndBudget(@TempDir Path root) throws Exception {
        try (ChatStandIn chatServer = new ChatStandIn()) {
            chatServer.server().stubFor(chat().willReturn(captions("Photo of a red kite over a beach", "Illustration of a red kite")));
            try (RunningApp app = new RunningApp(root).set("openai-api-key", "sk-test-budget-0000").set("openai-base-url", chatServer.baseUrl())
                    .set("provider", "offline").set("expansion-model", "gpt-5-mini").start()) {
                app.drop("kite.json", "{\"prompt\": \"a red kite\", \"n\": 2, \"expand\": true, \"quality\": \"low\"}");
                List<JsonNode> images = app.awaitSidecars("kite", 2);
                // the stand-in reports 10 prompt and 20 completion tokens: gpt-5-mini at $0.25 / $2.00 per 1M
                double chatUsd = (10 * 0.25 + 20 * 2.00) / 1_000_000.0;
                assertThat(images.get(0).path("expansion").path("mode").asText()).isEqualTo("gpt");
                assertThat(images.get(0).path("expansion").path("cost_usd").asDouble()).isCloseTo(chatUsd, org.assertj.core.data.Offset.offset(1e-6));
                double imagesUsd = 0;
                for (JsonNode image : images) {
                    JsonNode usage = image.path("usage");
                    double imageUsd = (usage.path("input_tokens").asLong() * MODEL.price().textInputPerMtok()
                            + usage.path("output_tokens").asLong() * MODEL.price().outputPerMtok()) / 1_000_000.0;
                    imagesUsd += imageUsd;
                    assertThat(image.path("cost_usd").asDouble()).isCloseTo(imageUsd + chatUsd / 2, org.assertj.core.data.Offset.offset(2e-6));
                }
                Budget budget = app.bean("budget", Budget.class);
                assertThat(budget.spentTodayUsd()).isCloseTo(imagesUsd + chatUsd, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    static OfflineImageServer offline(RunningApp app) {
        return app.bean("offlineServer", OfflineImageServer.class);
    }

    static List<JsonNode> sidecars(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(RunningApp::readJson).toList();
        }
    }
}

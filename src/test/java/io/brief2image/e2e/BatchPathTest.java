package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.Budget;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, points 2, 3 and 5, end to end on the real routes with the offline provider's Batch API
 * (a batch ends a second after it is created, a batch file is closed after a second): batch briefs
 * are made through one batch at the batch price, with {@code batch} in their sidecars, beside briefs
 * made now at the full price; a failed line is a dead letter with its reason; the briefs of an
 * expired batch are made now.
 */
class BatchPathTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).set("offline.faults", "true").set("offline.batch-delay-seconds", "1")
                .set("batch-max-wait", "1").start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMixedRunMakesBatchBriefsInOneBatchAtHalfThePriceAndTheOthersNowAtTheFullPrice() {
        double spentBefore = app.bean("budget", Budget.class).spentTodayUsd();
        app.drop("mixed-run.csv", "id,prompt,n,quality,priority\n"
                + "mix-b1,a copper kettle,1,high,batch\nmix-b2,a copper kettle,1,high,batch\nmix-n1,a copper kettle,1,high,now\n");
        JsonNode now = app.awaitSidecars("mix-n1", 1).get(0);
        JsonNode first = app.awaitSidecars("mix-b1", 1).get(0);
        JsonNode second = app.awaitSidecars("mix-b2", 1).get(0);

        assertThat(now.has("batch")).isFalse();
        assertThat(now.path("priority").asText()).isEqualTo("now");
        for (JsonNode batch : List.of(first, second)) {
            assertThat(batch.path("priority").asText()).isEqualTo("batch");
            assertThat(batch.path("batch").path("id").asText()).startsWith("batch_");
            assertThat(batch.path("batch").path("custom_id").asText()).startsWith(batch.path("brief_id").asText() + "@");
            assertThat(batch.path("batch").path("line").asLong()).isPositive();
            assertThat(batch.path("cost_usd").asDouble()).isPositive().isCloseTo(now.path("cost_usd").asDouble() * 0.5, within(1e-6));
            assertThat(Files.exists(app.outbox().resolve(batch.path("brief_id").asText()).resolve(batch.path("file").asText()))).isTrue();
        }
        // the two batch briefs went into one batch; the now brief was one synchronous call
        assertThat(first.path("batch").path("id").asText()).isEqualTo(second.path("batch").path("id").asText());
        List<RecordedRequest> requests = app.bean("offlineServer", OfflineImageServer.class).requests();
        assertThat(requests.stream().filter(r -> r.path().endsWith("/images/generations"))
                .filter(r -> r.prompt() != null && r.prompt().contains("copper kettle"))).hasSize(1);
        double spent = app.bean("budget", Budget.class).spentTodayUsd() - spentBefore;
        assertThat(spent).isCloseTo(now.path("cost_usd").asDouble() * 2, within(1e-6));
        String metrics = new HttpCalls(app.httpPort()).get("/observe/metrics").body();
        assertThat(metrics).containsPattern("brief2image_batch_savings_usd_total(\\{[^}]*\\})? 0\\.[0-9]*[1-9]")
                .containsPattern("brief2image_batch_batches\\{[^}]*status=\"completed\"[^}]*\\} [1-9]")
                .contains("brief2image_batch_lines_pending");
        try (Stream<Path> left = Files.list(root.resolve("data/batches/images"))) {
            assertThat(left).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFailedLineIsADeadLetterWithThatLinesReasonAndNothingStaysReserved() {
        app.bean("offlineServer", OfflineImageServer.class).faults()
                .next(Fault.batchLine(400, "moderation_blocked", "Your request was rejected by the safety system."));
        String brief = "{\"prompt\": \"a lighthouse in a storm\", \"n\": 1, \"priority\": \"batch\"}";
        app.drop("line-refused.json", brief);
        JsonNode error = app.awaitDeadLetter("line-refused.json");
        assertThat(error.path("stage").asText()).isEqualTo("batch");
        assertThat(error.path("reason").asText()).contains("safety system");
        assertThat(error.path("detail").asText()).contains("custom_id line-refused@");
        assertThat(app.failed().resolve("line-refused.json")).hasContent(brief);
        assertThat(app.outbox().resolve("line-refused")).doesNotExist();
    }

    @Test
    void theBriefsOfAnExpiredBatchAreMadeNow() {
        app.bean("offlineServer", OfflineImageServer.class).faults().next(Fault.batchExpires());
        app.drop("expiring.csv", "id,prompt,n,priority\nexp-1,a glass float,1,batch\nexp-2,a glass bead,1,batch\n"
                + "exp-3,a glass marble,1,batch\nexp-4,a glass bottle,1,batch\n");
        List<JsonNode> sidecars = Stream.of("exp-1", "exp-2", "exp-3", "exp-4").map(id -> app.awaitSidecars(id, 1).get(0)).toList();
        // half the lines of an expired batch are done (at the batch price), the others made now
        assertThat(sidecars).filteredOn(s -> s.has("batch")).isNotEmpty();
        assertThat(sidecars).filteredOn(s -> !s.has("batch")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path("priority").asText()).isEqualTo("now"));
        assertThat(app.failed().toFile().list()).noneMatch(name -> name.startsWith("expiring"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(app.bean("budget", Budget.class).spentTodayUsd()).isPositive());
    }
}

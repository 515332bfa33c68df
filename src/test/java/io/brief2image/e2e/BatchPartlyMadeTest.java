package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.Budget;
import io.brief2image.base.Json;
import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.PlainReason;
import io.brief2image.testing.RunningApp;
import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch brief of two lines (two captions cannot share a call) one of which fails: the made line's
 * image is paid for, so it is published with its sidecar as usual (batch price, {@code batch}), and
 * only the missing image is a dead letter, whose reason says what was made. Replayed, the brief makes
 * and pays for only the missing image, in a batch of one line.
 */
class BatchPartlyMadeTest {

    @Test
    void theMadeLineIsPublishedTheFailedOneIsTheDeadLetterAndReplayMakesOnlyIt(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).set("offline.faults", "true").set("offline.batch-delay-seconds", "1")
                .set("batch-max-wait", "1").start()) {
            OfflineImageServer offline = app.bean("offlineServer", OfflineImageServer.class);
            Budget budget = app.bean("budget", Budget.class);
            offline.faults().next(Fault.batchLine(400, "moderation_blocked", "Your request was rejected by the safety system."));
            String brief = "{\"prompt\": \"a lighthouse in a storm\", \"n\": 2, \"priority\": \"batch\"}";
            app.drop("half.json", brief);

            JsonNode error = app.awaitDeadLetter("half.json");
            PlainReason.assertPlain(error, root);
        assertThat(error.path("stage").asText()).isEqualTo("batch");
            assertThat(error.path("reason").asText())
                    .startsWith("1 of 2 images was made and is in the outbox; the other could not be made: ")
                    .contains("safety system").doesNotContain("/", "Exception");
            List<String> made = texts(error.path("made"));
            List<String> missing = texts(error.path("missing"));
            assertThat(made).hasSize(1);
            assertThat(missing).hasSize(1).doesNotContainAnyElementsOf(made);
            assertThat(List.of(made.get(0), missing.get(0))).containsExactlyInAnyOrder("half-1", "half-2");

            // the paid image is in the outbox with its sidecar, at the batch price
            List<JsonNode> sidecars = app.awaitSidecars("half", 1);
            JsonNode first = sidecars.get(0);
            assertThat(first.path("image_id").asText()).isEqualTo(made.get(0));
            assertThat(first.path("count").asInt()).isEqualTo(2);
            assertThat(first.path("priority").asText()).isEqualTo("batch");
            assertThat(first.path("batch").path("custom_id").asText()).startsWith("half@");
            assertThat(first.path("batch").path("line").asLong()).isPositive();
            String firstBatch = first.path("batch").path("id").asText();
            assertThat(firstBatch).startsWith("batch_");
            assertThat(Files.exists(app.outbox().resolve("half").resolve(first.path("file").asText()))).isTrue();
            double linePrice = first.path("cost_usd").asDouble();
            assertThat(linePrice).isPositive();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(budget.spentTodayUsd()).isCloseTo(linePrice, within(1e-6)));
            assertThat(root.resolve("data/batches/images").toFile().list()).isEmpty();

            // replay: only the missing image is made, in a new batch of one line; the made one stays as it was
            List<DeadLetterReplay.Moved> moved = new DeadLetterReplay(app.failed(), app.inbox(), app.outbox(),
                    app.bean("connectionFactory", ConnectionFactory.class)).run();
            assertThat(moved).extracting(DeadLetterReplay.Moved::what).containsOnly("moved");
            List<JsonNode> both = app.awaitSidecars("half", 2);
            JsonNode again = both.stream().filter(s -> s.path("image_id").asText().equals(missing.get(0))).findFirst().orElseThrow();
            JsonNode kept = both.stream().filter(s -> s.path("image_id").asText().equals(made.get(0))).findFirst().orElseThrow();
            assertThat(kept).isEqualTo(first);
            String secondBatch = again.path("batch").path("id").asText();
            assertThat(secondBatch).startsWith("batch_").isNotEqualTo(firstBatch);
            assertThat(batch(offline, secondBatch).path("request_counts").path("total").asInt()).isEqualTo(1);
            assertThat(batch(offline, firstBatch).path("request_counts").path("total").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(budget.spentTodayUsd())
                    .isCloseTo(linePrice + again.path("cost_usd").asDouble(), within(1e-6)));
            assertThat(app.failed().resolve("half.json")).doesNotExist();
            assertThat(root.resolve("data/batches/images").toFile().list()).isEmpty();
        }
    }

    private static JsonNode batch(OfflineImageServer offline, String id) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(offline.baseUrl() + "/batches/" + id))
                .header("Authorization", "Bearer sk-test").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(reply.body());
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

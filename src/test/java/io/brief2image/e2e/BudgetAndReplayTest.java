package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.admission.Budget;
import io.brief2image.ops.QueueDepth;
import io.brief2image.testing.RunningApp;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetAndReplayTest {

    @Test
    void reachingTheDailyBudgetPausesConsumptionUntilItIsRaised(@TempDir Path root) throws Exception {
        // one low-quality gpt-image-2 image is reserved at about $0.006 (its per-image price) and costs
        // about $0.008 with the offline provider's token usage: $0.010 makes room for one, not two
        try (RunningApp app = new RunningApp(root).set("daily-budget-usd", "0.010").start()) {
            app.drop("first.json", "{\"prompt\": \"a pear\", \"n\": 1, \"quality\": \"low\"}");
            app.awaitSidecars("first", 1);
            Budget budget = app.bean("budget", Budget.class);

            app.drop("waiting.json", "{\"prompt\": \"a plum\", \"n\": 1, \"quality\": \"low\"}");
            // the brief waits at the door to the provider, its message held in the consumer's transaction
            await().atMost(Duration.ofSeconds(20)).until(budget::paused);
            assertThat(budget.reason()).contains("leaves no room in the daily budget of $0.01 ");
            QueueDepth depth = app.bean("queueDepth", QueueDepth.class);
            assertThat(depth.of("briefs")).isEqualTo(1);
            assertThat(app.outbox().resolve("waiting")).doesNotExist();
            assertThat(app.failed().resolve("waiting.json")).doesNotExist();

            var http = java.net.http.HttpClient.newHttpClient();
            String api = "http://127.0.0.1:" + app.httpPort() + "/api/budget";
            var shown = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(io.brief2image.base.Json.MAPPER.readTree(shown.body()).path("paused").asBoolean()).isTrue();
            var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "?daily_usd=lots"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("daily_usd");
            var raised = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api + "?daily_usd=5"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(raised.statusCode()).isEqualTo(200);
            assertThat(budget.limitUsd()).isEqualTo(5.0);
            assertThat(app.awaitSidecars("waiting", 1)).hasSize(1);
            assertThat(budget.paused()).isFalse();
            assertThat(app.failed().resolve("waiting.json")).doesNotExist();
        }
    }

    @Test
    void replayPutsDeadLettersBackAndSkipsWhatIsDone(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).start()) {
            // fails because its id is taken; after the first owner's output is removed, a replay succeeds
            app.drop("owner.json", "{\"id\": \"shared\", \"prompt\": \"a lamp\", \"n\": 1}");
            app.awaitSidecars("shared", 1);
            app.drop("intruder.json", "{\"id\": \"shared\", \"prompt\": \"a chair\", \"n\": 1}");
            app.awaitDeadLetter("intruder.json");
            app.drop("broken.json", "{\"prompt\": \"a desk\", \"n\": 1, \"size\": \"3x3\"}");
            app.awaitDeadLetter("broken.json");
            // fix the cause of the first: the id is released by removing the old output and its ledger entry
            deleteTree(app.outbox().resolve("shared"));
            app.bean("store", io.brief2image.store.SharedStore.class).ledger().forget("shared");
            // fix the second by editing the dead letter in place
            Files.writeString(app.failed().resolve("broken.json"), "{\"prompt\": \"a desk\", \"n\": 1}");

            DeadLetterReplay replay = new DeadLetterReplay(app.failed(), app.inbox(), app.outbox(), app.bean("connectionFactory", ConnectionFactory.class));
            List<DeadLetterReplay.Moved> moved = replay.run();
            assertThat(moved).extracting(DeadLetterReplay.Moved::what).containsOnly("moved");
            assertThat(app.awaitSidecars("broken", 1)).hasSize(1);
            JsonNode sidecar = app.awaitSidecars("shared", 1).get(0);
            assertThat(sidecar.path("prompt").asText()).isEqualTo("a chair");
            assertThat(app.failed().resolve("intruder.json")).doesNotExist();
        }
    }

    @Test
    void replayRequeuesJmsDeadLettersFromTheDlq(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).start()) {
            ConnectionFactory broker = app.bean("connectionFactory", ConnectionFactory.class);
            try (var connection = broker.createConnection()) {
                var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("briefs"))
                        .send(session.createTextMessage("{\"id\": \"jms-later\", \"prompt\": \"a boat\", \"n\": 1, \"model\": \"later-model\"}"));
            }
            app.awaitDeadLetter("jms-later.json");
            QueueDepth depth = app.bean("queueDepth", QueueDepth.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> depth.of("briefs.DLQ") == 1);

            List<DeadLetterReplay.Moved> moved = new DeadLetterReplay(app.failed(), app.inbox(), app.outbox(), broker).run();
            assertThat(moved).anySatisfy(m -> assertThat(m.what()).isEqualTo("requeued"));
            // the model is still unknown, so it fails again - but it went round once more, from the queue
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(app.failed().resolve("jms-later.json.error.json")));
            assertThat(app.bean("progress", io.brief2image.base.Progress.class).failed()).isEqualTo(2);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

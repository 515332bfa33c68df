package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A brief is never rendered or billed twice; a different brief cannot take over an id without "replace". */
class DuplicatesTest {

    @TempDir
    static Path root;
    static OfflineImageServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = OfflineImageServer.start(OfflineOptions.defaults());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static RunningApp app() {
        return new RunningApp(root).set("provider", "openai").set("openai-base-url", server.baseUrl())
                .set("openai-api-key", "sk-test-dupes").set("expansion", "rules").start();
    }

    static long requestsFor(String marker) {
        return server.requests().stream().filter(r -> r.prompt() != null && r.prompt().contains(marker)).count();
    }

    @Test
    void redroppedAndRedeliveredBriefsAreNotRenderedAgainEvenAfterARestart() {
        String brief = "{\"id\": \"once-only\", \"prompt\": \"once-only marker lantern\", \"n\": 1}";
        try (RunningApp app = app()) {
            app.drop("once-only.json", brief);
            JsonNode first = app.awaitSidecars("once-only", 1).get(0);
            app.drop("once-only-again.json", "{\"prompt\": \"once-only marker lantern\", \"n\": 1, \"id\": \"once-only\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> app.bean("progress", io.brief2image.base.Progress.class).done() == 2);
            assertThat(requestsFor("once-only marker")).isEqualTo(1);
            assertThat(app.awaitSidecars("once-only", 1).get(0).path("sha256").asText()).isEqualTo(first.path("sha256").asText());
        }
        try (RunningApp app = app()) {
            app.drop("once-only.json", brief);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.bean("progress", io.brief2image.base.Progress.class).done() == 1);
            assertThat(requestsFor("once-only marker")).isEqualTo(1);
            assertThat(app.failed().resolve("once-only.json")).doesNotExist();
        }
    }

    @Test
    void aDifferentBriefReusingAnIdIsDeadLetteredUnlessItSaysReplace() {
        try (RunningApp app = app()) {
            app.drop("taken.json", "{\"prompt\": \"taken marker one\", \"n\": 1}");
            app.awaitSidecars("taken", 1);
            app.drop("taken-2.json", "{\"id\": \"taken\", \"prompt\": \"taken marker two\", \"n\": 1}");
            JsonNode error = app.awaitDeadLetter("taken-2.json");
            assertThat(error.path("stage").asText()).isEqualTo("duplicate");
            assertThat(error.path("reason").asText()).contains("The id 'taken' is already used").contains("\"replace\": true");
            assertThat(requestsFor("taken marker two")).isZero();

            app.drop("taken-3.json", "{\"id\": \"taken\", \"prompt\": \"taken marker three\", \"n\": 1, \"replace\": true}");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    RunningApp.readJson(app.outbox().resolve("taken/taken-1.json")).path("prompt").asText().equals("taken marker three"));
        }
    }

    @Test
    void aFailedBriefDoesNotBlockItsIdForACorrectedOne() {
        try (RunningApp app = app()) {
            app.drop("fixme.json", "{\"prompt\": \"fixme marker\", \"size\": \"2x2\"}");
            app.awaitDeadLetter("fixme.json");
            app.drop("fixme-fixed.json", "{\"id\": \"fixme\", \"prompt\": \"fixme marker\", \"n\": 1}");
            assertThat(app.awaitSidecars("fixme", 1)).hasSize(1);
        }
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.Budget;
import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.PlainReason;
import io.brief2image.testing.RunningApp;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brief made now in two calls (two captions cannot share one) whose second call fails: the first
 * image is paid for, so it is published with its sidecar, and only the second is a dead letter, whose
 * reason says what was made. Replayed, the brief makes and pays for only the missing image.
 */
class PartlyMadeTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).set("offline.faults", "true").set("max-attempts", "2").start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theFirstImageIsPublishedTheSecondIsTheDeadLetterAndReplayMakesOnlyIt() throws Exception {
        OfflineImageServer offline = app.bean("offlineServer", OfflineImageServer.class);
        Budget budget = app.bean("budget", Budget.class);
        double before = budget.spentTodayUsd();
        // the first call is answered, the second refused
        offline.faults().next(Fault.hang(Duration.ZERO).forPath("/v1/images/generations"))
                .next(Fault.status(400, "moderation_blocked", "Your request was rejected by the safety system.").forPath("/v1/images/generations"));
        app.drop("duo.json", "{\"prompt\": \"a paper boat on a pond\", \"n\": 2}");

        JsonNode error = app.awaitDeadLetter("duo.json");
        PlainReason.assertPlain(error, root);
        assertThat(error.path("stage").asText()).isEqualTo("render");
        assertThat(error.path("reason").asText())
                .startsWith("1 of 2 images was made and is in the outbox; the other could not be made: ")
                .contains("safety system");
        assertThat(BatchPartlyMadeTest.texts(error.path("made"))).containsExactly("duo-1");
        assertThat(BatchPartlyMadeTest.texts(error.path("missing"))).containsExactly("duo-2");
        JsonNode first = app.awaitSidecars("duo", 1).get(0);
        assertThat(first.path("image_id").asText()).isEqualTo("duo-1");
        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(app.outbox().resolve("duo").resolve("duo-1.png")).exists();
        assertThat(budget.spentTodayUsd() - before).isCloseTo(first.path("cost_usd").asDouble(), within(1e-6));
        assertThat(calls(offline, "duo")).hasSize(2);

        offline.clearRequests();
        List<DeadLetterReplay.Moved> moved = new DeadLetterReplay(app.failed(), app.inbox(), app.outbox(),
                app.bean("connectionFactory", ConnectionFactory.class)).run();
        assertThat(moved).extracting(DeadLetterReplay.Moved::what).containsOnly("moved");
        List<JsonNode> both = app.awaitSidecars("duo", 2);
        assertThat(both.get(0)).as("the image made before is left as it was").isEqualTo(first);
        assertThat(both.get(1).path("image_id").asText()).isEqualTo("duo-2");
        assertThat(calls(offline, "duo")).as("one call, for the missing image").hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(budget.spentTodayUsd() - before)
                .isCloseTo(first.path("cost_usd").asDouble() + both.get(1).path("cost_usd").asDouble(), within(1e-6)));
        assertThat(app.failed().resolve("duo.json")).doesNotExist();
    }

    private static List<RecordedRequest> calls(OfflineImageServer offline, String briefWord) {
        return offline.requests().stream().filter(r -> r.path().endsWith("/images/generations"))
                .filter(r -> r.prompt() != null && r.prompt().contains("paper boat")).toList();
    }
}

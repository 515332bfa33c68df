package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.Budget;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.store.SharedStore;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch brief is in a batch with all its lines or with none. Its first line fits the budget, its
 * second does not: while the second waits for room, the first is in no batch file (before, it was
 * recorded, uploaded and paid for at the next batch-max-wait, and a brief failing meanwhile left it
 * awaited by nobody). The service stops meanwhile: the brief goes back to the queue with nothing
 * recorded or spent; after a restart with room in the budget both lines go into ONE batch.
 */
class BatchAllLinesOrNoneTest {

    @Test
    void aLineWaitingForTheBudgetHoldsBackItsBriefsOtherLinesAndAStopLeavesNoneInABatch(@TempDir Path root) {
        String brief = "{\"prompt\": \"a lighthouse in a storm\", \"n\": 2, \"priority\": \"batch\"}";
        try (RunningApp app = started(root, "0.15")) {
            app.drop("held.json", brief);
            Budget budget = app.bean("budget", Budget.class);
            await().atMost(Duration.ofSeconds(20)).until(budget::paused);
            SharedStore store = app.bean("store", SharedStore.class);
            // past batch-max-wait (1 s) a few times over: no line of the brief may be in a file, or uploaded
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
                assertThat(store.batches().unfinishedFiles()).allSatisfy(f -> assertThat(f.lines()).isZero());
                assertThat(store.batches().pendingLines()).isZero();
                assertThat(uploads(app)).isZero();
            });
        }
        try (RunningApp app = started(root, "5")) {
            List<JsonNode> sidecars = app.awaitSidecars("held", 2);
            String batchId = sidecars.get(0).path("batch").path("id").asText();
            assertThat(batchId).startsWith("batch_");
            assertThat(sidecars.get(1).path("batch").path("id").asText()).as("both lines in one batch").isEqualTo(batchId);
            assertThat(uploads(app)).isEqualTo(1);
            double paid = sidecars.stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(app.bean("budget", Budget.class).spentTodayUsd()).isCloseTo(paid, within(1e-6)));
        }
    }

    private static RunningApp started(Path root, String budget) {
        return new RunningApp(root).set("offline.batch-delay-seconds", "1").set("batch-max-wait", "1")
                .set("daily-budget-usd", budget).set("stop-timeout", "5").start();
    }

    private static long uploads(RunningApp app) {
        return app.bean("offlineServer", OfflineImageServer.class).requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.path().endsWith("/files")).count();
    }
}

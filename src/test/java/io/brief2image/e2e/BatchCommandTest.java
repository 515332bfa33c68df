package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.cli.Brief2Image;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 5: {@code batch list} and {@code batch cancel ID} against the running service (its
 * HTTP API, loopback without a token as replay): a pending batch is listed, and cancelled its brief is
 * made now instead (batch-on-expiry now), nothing lost.
 */
class BatchCommandTest {

    @Test
    void aPendingBatchIsListedAndCancelledAndItsBriefIsMadeNow(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).set("offline.batch-delay-seconds", "120").set("batch-max-wait", "1").start()) {
            app.drop("slow.json", "{\"prompt\": \"a slow boat\", \"n\": 1, \"priority\": \"batch\"}");
            HttpCalls http = new HttpCalls(app.httpPort());
            String[] id = new String[1];
            JsonNode[] listed = new JsonNode[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode batches = io.brief2image.base.Json.MAPPER.readTree(http.get("/api/batches").body()).path("batches");
                listed[0] = batches.size() == 1 ? batches.get(0) : null;
                id[0] = listed[0] != null ? listed[0].path("batch_id").asText(null) : null;
                return id[0] != null && id[0].startsWith("batch_");
            });
            // its one line still to read, reserved at the batch price, saves as much again (gpt-image-2: half price)
            assertThat(listed[0].path("lines").asInt()).isEqualTo(1);
            assertThat(listed[0].path("pending_lines").asInt()).isEqualTo(1);
            assertThat(listed[0].path("expected_cost_usd").asDouble()).isPositive();
            assertThat(listed[0].path("expected_saving_usd").asDouble()).isEqualTo(listed[0].path("expected_cost_usd").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-9));
            String port = "http-port=" + app.httpPort();
            assertThat(Brief2Image.run("batch", "list", "--set", port)).isZero();
            assertThat(Brief2Image.run("batch", "cancel", "--set", port, "batch_not_ours")).isEqualTo(1);
            assertThat(Brief2Image.run("batch", "cancel", "--set", port, id[0])).isZero();

            JsonNode sidecar = app.awaitSidecars("slow", 1).get(0);
            assertThat(sidecar.path("priority").asText()).isEqualTo("now");
            assertThat(sidecar.has("batch")).isFalse();
            assertThat(sidecar.path("warnings").toString()).contains("its batch " + id[0] + " cancelled");
        }
    }
}

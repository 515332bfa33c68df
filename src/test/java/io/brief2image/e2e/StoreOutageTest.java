package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.PostgresServer;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the service on a real PostgreSQL that goes down mid-run. Briefs wait while it is down
 * (health "store" DOWN with a plain reason, no password in it), and once it is back every brief is
 * made exactly once; nothing is lost or dead-lettered.
 */
class StoreOutageTest {

    @Test
    void briefsWaitOutADatabaseRestartAndAreMadeOnce(@TempDir Path root) throws Exception {
        PostgresServer server = PostgresServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed here (.ci/run installs it)");
        String url = server.newDatabase("outage");
        try (RunningApp app = new RunningApp(root).set("db-url", url).set("db-user", "postgres").set("db-password", "pw-never-shown")
                .start()) {
            HttpCalls http = new HttpCalls(app.httpPort());
            app.drop("before.json", "{\"prompt\": \"a lighthouse\", \"n\": 1}");
            app.awaitSidecars("before", 1);
            assertThat(http.get("/observe/health").body()).contains("shared store answers");

            server.stop();
            boolean restarted = false;
            try {
                app.drop("during.json", "{\"prompt\": \"a harbour\", \"n\": 1}");
                await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/observe/health").body().contains("does not answer"));
                String health = http.get("/observe/health").body();
                assertThat(health).doesNotContain("pw-never-shown");
                com.fasterxml.jackson.databind.JsonNode store = null;
                for (com.fasterxml.jackson.databind.JsonNode check : io.brief2image.base.Json.MAPPER.readTree(health).path("checks")) {
                    if ("store".equals(check.path("name").asText())) {
                        store = check;
                    }
                }
                assertThat(store).isNotNull();
                assertThat(store.path("status").asText()).isEqualTo("DOWN");
                // Camel's health output escapes a '/' in a message as '\/' (inside the JSON string)
                assertThat(store.path("message").asText().replace("\\/", "/")).startsWith("the shared store (postgresql://127.0.0.1:" + server.port() + "/outage")
                        .contains("does not answer").contains("briefs wait and nothing is lost");
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !Files.isDirectory(app.outbox().resolve("during")));
                server.start();
                restarted = true;
            } finally {
                if (!restarted) {
                    server.start();
                }
            }
            app.awaitSidecars("during", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/observe/health").body().contains("shared store answers"));
            assertThat(app.failed()).isEmptyDirectory();
            try (Stream<Path> briefs = Files.list(app.outbox())) {
                assertThat(briefs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("before", "during");
            }
            assertThat(app.bean("store", io.brief2image.store.SharedStore.class).ledger().isDone("during")).isTrue();
        }
    }
}

package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import io.brief2image.testing.TestLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an admin token set, replay needs it even from loopback (admin-loopback=false), and neither
 * the token nor the provider key shows up in any operator endpoint or the log.
 */
class StatusAdminTokenTest {

    private static final String ADMIN_TOKEN = "admin-tok-4f9a1c";
    private static final String API_KEY = "sk-test-never-shown-7d21";

    @TempDir
    static Path root;
    static RunningApp app;
    static HttpCalls http;

    @BeforeAll
    static void start() {
        app = new RunningApp(root)
                .set("admin-token", ADMIN_TOKEN)
                .set("admin-loopback", "false")
                .set("provider", "offline")
                .set("openai-api-key", API_KEY)
                .start();
        http = new HttpCalls(app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void replayWithoutTheTokenIsRefusedEvenFromLoopback() {
        HttpResponse<String> missing = http.post("/api/replay");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(http.post("/api/replay", "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/replay", "X-Admin-Token", "wrong").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/replay", "X-Admin-Token", ADMIN_TOKEN + "x").statusCode()).isEqualTo(403);
    }

    @Test
    void replayWithTheTokenWorks() {
        app.drop("torn.json", "{\"prompt\": ");
        app.awaitDeadLetter("torn.json");
        HttpResponse<String> replay = http.post("/api/replay", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("inbox/torn.json").doesNotContain(ADMIN_TOKEN);
        assertThat(replay.headers().map().toString()).doesNotContain(ADMIN_TOKEN);
        app.awaitDeadLetter("torn.json");
        assertThat(http.post("/api/replay", "X-Admin-Token", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void secretsAppearInNoOperatorEndpointNorTheLog() throws Exception {
        // readiness is DOWN until the inbox consumer has polled once
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/observe/health").statusCode() == 200);
        for (String path : new String[] {"/observe/health?data=true&stackTrace=true", "/observe/health/ready?data=true",
                "/observe/metrics", "/api/status", "/api/images", "/api/dead-letters", "/", "/status/status.js"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(API_KEY).doesNotContain(ADMIN_TOKEN);
        }
        assertThat(http.get("/observe/health").body()).contains("offline provider running (chosen by brief2image.provider)");
        Path log = TestLog.file();
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(API_KEY).doesNotContain(ADMIN_TOKEN);
        }
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.FreeSpace;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 3, before paying: the free space of the outbox's and data's disks is read
 * through the freeSpace bean (the file system's own count by default); here a low reading stands
 * in for a full disk. DiskFullIT does it on a real 3 MB file system with the packaged jar.
 */
class DiskSpaceTest {

    @Test
    void aShortDiskPausesBeforeAnythingIsPaidAndWorkResumesWhenSpaceReturns(@TempDir Path root) throws Exception {
        AtomicLong free = new AtomicLong(1_500_000);
        try (RunningApp app = new RunningApp(root).set("disk-reserve-mb", "1").bind("freeSpace", (FreeSpace) dir -> free.get()).start()) {
            HttpCalls http = new HttpCalls(app.httpPort());
            app.drop("roomy.json", "{\"prompt\": \"a roomy barn\", \"n\": 1, \"quality\": \"low\"}");
            // a 1024x1024 PNG is expected at 1.7 MB, plus the 1 MB reserve
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/observe/health").body()
                    .contains("outbox disk full: 1.5 MB free, 2.7 MB needed"));
            assertThat(http.get("/observe/health/ready").statusCode()).isEqualTo(503);
            JsonNode status = Json.MAPPER.readTree(http.get("/api/status").body());
            assertThat(status.path("budget").path("paused").asBoolean()).isTrue();
            assertThat(status.path("budget").path("reason").asText()).startsWith("outbox disk full");
            assertThat(app.bean("offlineServer", OfflineImageServer.class).requests()).isEmpty();
            assertThat(app.failed()).isEmptyDirectory();

            free.set(10_000_000_000L);
            assertThat(app.awaitSidecars("roomy", 1)).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/observe/health/ready").statusCode() == 200);
            assertThat(app.bean("offlineServer", OfflineImageServer.class).requests()).hasSize(1);
        }
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 4: with images-per-minute=N no two image requests reach the provider closer than
 * 60/N s, from the very first one on. Start times are taken at the offline provider, where the
 * provider's own rate limiter would count them.
 */
class PacingTest {

    @Test
    void imageRequestsAreSpacedFromTheFirstOneOn(@TempDir Path root) {
        try (RunningApp app = new RunningApp(root).set("images-per-minute", "120").set("concurrency", "4").start()) {
            for (int i = 1; i <= 6; i++) {
                app.drop("paced-" + i + ".json", "{\"prompt\": \"a paced kite " + i + "\", \"n\": 1, \"quality\": \"low\"}");
            }
            OfflineImageServer provider = app.bean("offlineServer", OfflineImageServer.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> imageRequests(provider).size() == 6);
            List<Long> starts = imageRequests(provider).stream().map(RecordedRequest::receivedAtMicros).sorted().toList();
            for (int i = 1; i < starts.size(); i++) {
                // 60/120 s = 500 ms, 5 % tolerance
                assertThat(starts.get(i) - starts.get(i - 1)).as("gap before request %d (µs), all starts %s", i + 1, starts)
                        .isGreaterThanOrEqualTo(475_000);
            }
        }
    }

    static List<RecordedRequest> imageRequests(OfflineImageServer provider) {
        return provider.requests().stream().filter(r -> r.path().contains("/images/")).toList();
    }
}

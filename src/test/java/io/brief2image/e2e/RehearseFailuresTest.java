package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README "Rehearse failures with the offline provider": the service without a key, with
 * brief2image.offline.faults=true, takes faults on the embedded provider's control API; without the
 * setting that API is not there.
 */
class RehearseFailuresTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRateLimitPostedToTheControlApiIsRetriedAfterItsRetryAfter(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).set("offline.faults", "true").start()) {
            OfflineImageServer offline = app.bean("offlineServer", OfflineImageServer.class);
            HttpResponse<String> queued = post(offline.sdWebUiUrl() + "/_offline/faults",
                    "{\"type\":\"status\",\"status\":429,\"code\":\"rate_limit_exceeded\",\"retry_after\":\"1\",\"path\":\"/v1/images\"}");
            assertThat(queued.statusCode()).isEqualTo(200);

            app.drop("limited.json", "{\"prompt\": \"a patient lighthouse\", \"n\": 1, \"quality\": \"low\"}");

            assertThat(app.awaitSidecars("limited", 1)).hasSize(1);
            long[] arrivals = offline.requests().stream().filter(r -> r.path().startsWith("/v1/images"))
                    .mapToLong(RecordedRequest::receivedAtMicros).toArray();
            assertThat(arrivals).hasSize(2);
            assertThat(arrivals[1] - arrivals[0]).isGreaterThanOrEqualTo(1_000_000L);
        }
    }

    @Test
    void withoutTheSettingTheControlApiIsNotThere(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).start()) {
            OfflineImageServer offline = app.bean("offlineServer", OfflineImageServer.class);

            assertThat(post(offline.sdWebUiUrl() + "/_offline/faults", "{\"type\":\"connection_reset\"}").statusCode())
                    .isEqualTo(404);
        }
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

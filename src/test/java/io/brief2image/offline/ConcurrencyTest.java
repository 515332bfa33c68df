package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int REQUESTS = 16;
    private static final long LATENCY_MILLIS = 300;

    private final OfflineTestClient client = new OfflineTestClient();

    @Test
    void slowRepliesAreServedInParallel() throws Exception {
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(LATENCY_MILLIS))) {
            // the first paint loads fonts and codecs; keep that out of the measurement
            send(server, "warm-up", 0).join();

            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                replies.add(send(server, "parallel " + i, i));
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(replies).allSatisfy(reply -> assertThat(reply.join().statusCode()).isEqualTo(200));
            assertThat(elapsedMillis).isLessThan(3_000);
            assertThat(server.requests()).hasSize(REQUESTS + 1);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(OfflineImageServer server, String prompt, int seed) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/images/generations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"" + prompt + "\",\"seed\":" + seed + ",\"size\":\"1024x1024\"}"))
                .build();
        return client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    private final OfflineTestClient client = new OfflineTestClient();

    @Test
    void closeDoesNotWaitForHangingHandlers() throws Exception {
        OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
        server.faults().next(Fault.hang(Duration.ofMinutes(5)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/images/generations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hang\",\"size\":\"64x64\"}"))
                .build();
        CompletableFuture<HttpResponse<String>> pending =
                client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.requests().size() == 1);

        long start = System.nanoTime();
        server.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(closeMillis).isLessThan(2_000);
        await().atMost(Duration.ofSeconds(5)).until(pending::isDone);
        assertThat(pending).isCompletedExceptionally();
    }

    @Test
    void listensOnTheRequestedPort() throws Exception {
        int port;
        try (OfflineImageServer probe = OfflineImageServer.start(OfflineOptions.defaults())) {
            port = probe.port();
        }
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withPort(port))) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
        }
    }
}

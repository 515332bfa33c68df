package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.testing.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators polling health, metrics and the status API as fast as they can while briefs flow:
 * their broker checks open and close connections of their own and must never take the pipeline's
 * JMS consumers down with them.
 */
class BusyOperatorsTest {

    @Test
    void briefsKeepFlowingWhileHealthAndStatusArePolledHard(@TempDir Path root) throws Exception {
        try (RunningApp app = new RunningApp(root).start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            AtomicBoolean polling = new AtomicBoolean(true);
            AtomicInteger polls = new AtomicInteger();
            Thread[] pollers = new Thread[3];
            String[] paths = {"/observe/health", "/api/status", "/observe/metrics"};
            for (int i = 0; i < pollers.length; i++) {
                URI uri = URI.create("http://127.0.0.1:" + app.httpPort() + paths[i]);
                pollers[i] = new Thread(() -> {
                    while (polling.get()) {
                        try {
                            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                            polls.incrementAndGet();
                        } catch (Exception e) {
                            // a refused poll is not what this test is about
                        }
                    }
                });
                pollers[i].start();
            }
            try {
                for (int i = 0; i < 30; i++) {
                    app.drop("busy-" + i + ".json", "{\"prompt\": \"busy operators " + i + "\", \"n\": 1}");
                }
                for (int i = 0; i < 30; i++) {
                    assertThat(app.awaitSidecars("busy-" + i, 1)).hasSize(1);
                }
            } finally {
                polling.set(false);
                for (Thread poller : pollers) {
                    poller.join();
                }
            }
            assertThat(polls.get()).isGreaterThan(30);
        }
    }
}

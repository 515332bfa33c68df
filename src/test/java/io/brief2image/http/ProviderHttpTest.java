package io.brief2image.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider client over real HTTP: replies stream to the handler, errors carry OpenAI's fields. */
class ProviderHttpTest {

    static final String KEY = "sk-test-http-0000";

    HttpServer server;
    DefaultCamelContext context;
    final AtomicReference<String> authorization = new AtomicReference<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        context = new DefaultCamelContext();
        // as the app sets it up (app.Beans); the pacing hook counts the requests that go out
        ProviderConnections.configure(context, 30, 4, sent::incrementAndGet);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void theHandlerReadsTheReplyWhileTheServerIsStillSendingIt() throws Exception {
        CountDownLatch firstPartRead = new CountDownLatch(1);
        server.createContext("/stream", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first|".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the rest comes only once the client has read the first part: a client that
                // buffered the whole reply before handing it on would never see it
                boolean read = awaitQuietly(firstPartRead);
                out.write((read ? "second" : "buffered").getBytes(StandardCharsets.US_ASCII));
            }
        });
        String body = new ProviderHttp(context, KEY).post(url("/stream"), "{}", "application/json", (in, headers) -> {
            byte[] first = in.readNBytes(6);
            firstPartRead.countDown();
            return new String(first, StandardCharsets.US_ASCII) + new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        });
        assertThat(body).isEqualTo("first|second");
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void anErrorReplyBecomesAProviderFaultWithoutTheKey() {
        server.createContext("/busy", exchange -> {
            served.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] reply = ("{\"error\":{\"code\":\"server_busy\",\"message\":\"Busy, key " + KEY + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "3");
            exchange.getResponseHeaders().add("X-Request-Id", "req_42");
            exchange.sendResponseHeaders(503, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        assertThatThrownBy(() -> new ProviderHttp(context, KEY).post(url("/busy"), "{}", "application/json", (in, headers) -> "ok"))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("server_busy");
                    assertThat(e.providerMessage()).isEqualTo("Busy, key [redacted]");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(e.requestId()).isEqualTo("req_42");
                    assertThat(FaultClass.of(e).transientFault()).isTrue();
                });
        // HttpClient would repeat a 503 with Retry-After once by itself: RetryPolicy is the only retry layer
        assertThat(served.get()).isEqualTo(1);
        assertThat(sent.get()).isEqualTo(1);
        assertThat(context.getComponent("https", HttpComponent.class).isAutomaticRetriesDisabled()).isTrue();
    }

    @Test
    void aKeylessClientSendsNoAuthorization() throws Exception {
        server.createContext("/plain", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
            }
        });
        authorization.set("not asked yet");
        String reply = new ProviderHttp(context, "").post(url("/plain"), new byte[] {'{', '}'}, "application/json",
                (in, headers) -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertThat(reply).isEqualTo("{}");
        assertThat(authorization.get()).isNull();
    }

    @Test
    void aRefusedConnectionIsATransientIoFault() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> new ProviderHttp(context, KEY).post(url("/gone"), "{}", "application/json", (in, headers) -> "ok"))
                .isInstanceOfSatisfying(IOException.class, e -> assertThat(FaultClass.of(e).transientFault()).isTrue());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.RunningApp;
import io.brief2image.testing.TestLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAI provider path against a stand-in server with injected faults: permanent faults are
 * dead-lettered at once with a reason, transient ones are retried, and the key never leaks.
 */
class ProviderFaultsTest {

    static final String KEY = "sk-test-DO-NOT-LEAK-8f3a9c";

    @TempDir
    static Path root;
    static OfflineImageServer server;
    static RunningApp app;

    @BeforeAll
    static void start() throws IOException {
        server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
        app = new RunningApp(root)
                .set("provider", "openai")
                .set("openai-base-url", server.baseUrl())
                .set("openai-api-key", KEY)
                .set("expansion", "rules")
                .set("max-attempts", "3")
                .set("request-timeout", "2")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    @BeforeEach
    void clearFaults() {
        server.faults().clear();
    }

    static Stream<Arguments> permanentFaults() {
        return Stream.of(
                Arguments.of("bad-request", Fault.status(400, "invalid_value", "Invalid value for 'size'."), 400, "The image service refused the request as invalid (it said: \"Invalid value for 'size'\")"),
                Arguments.of("unknown-param", Fault.status(400, "unknown_parameter", "Unknown parameter: 'style'."), 400, "does not accept one of the brief's settings"),
                Arguments.of("moderated", Fault.status(400, "moderation_blocked", "Your request was rejected by the safety system."), 400,
                        "The image service's safety system refused this prompt"),
                Arguments.of("bad-key", Fault.status(401, "invalid_api_key", "Incorrect API key provided: sk-test-***"), 401, "The image service refused the API key. An operator should check OPENAI_API_KEY."),
                Arguments.of("forbidden", Fault.status(403, null, "Organization must be verified."), 403, "may not use this model"),
                Arguments.of("no-model", Fault.status(404, "model_not_found", "The model does not exist."), 404, "does not know this model"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permanentFaults")
    void permanentFaultIsDeadLetteredWithoutRetry(String id, Fault fault, int status, String reason) {
        server.faults().next(fault);
        app.drop(id + ".json", brief(id));
        JsonNode error = app.awaitDeadLetter(id + ".json");
        assertThat(error.path("stage").asText()).isEqualTo("render");
        assertThat(error.path("http_status").asInt()).isEqualTo(status);
        assertThat(error.path("reason").asText()).contains(reason);
        assertThat(error.path("attempts").asInt()).isEqualTo(1);
        assertThat(requestsFor(id)).isEqualTo(1);
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("rate-limited", Fault.status(429, "rate_limit_exceeded", "Slow down.").withRetryAfter("1")),
                Arguments.of("server-error", Fault.status(500, "server_error", "Something broke.")),
                Arguments.of("unavailable", Fault.status(503, null, "overloaded")),
                Arguments.of("malformed", Fault.malformedJson()),
                Arguments.of("truncated", Fault.truncatedBase64()),
                Arguments.of("reset", Fault.connectionReset()),
                Arguments.of("hang", Fault.hang(Duration.ofSeconds(10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void transientFaultIsRetriedAndRendered(String id, Fault fault) {
        server.faults().next(fault);
        app.drop(id + ".json", brief(id));
        JsonNode sidecar = app.awaitSidecars(id, 1).get(0);
        assertThat(sidecar.path("attempts").asInt()).isEqualTo(2);
        assertThat(sidecar.path("provider").asText()).isEqualTo("openai");
        assertThat(sidecar.path("seed_honored").asBoolean()).isFalse();
        assertThat(requestsFor(id)).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() {
        server.faults().next(Fault.status(429, "rate_limit_exceeded", "Slow down.").withRetryAfter("2"));
        long started = System.nanoTime();
        app.drop("patient.json", brief("patient"));
        app.awaitSidecars("patient", 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retriesRunOutIntoADeadLetter() {
        server.faults().next(Fault.status(500, "server_error", "down"), 3);
        app.drop("doomed.json", brief("doomed"));
        JsonNode error = app.awaitDeadLetter("doomed.json");
        assertThat(error.path("reason").asText()).contains("gave up after 3 attempts").contains("had a problem on its side (it said: \"down\")");
        assertThat(error.path("detail").asText()).contains("HTTP 500").contains("server_error");
        assertThat(error.path("attempts").asInt()).isEqualTo(3);
        assertThat(requestsFor("doomed")).isEqualTo(3);
    }

    @Test
    void onlyTheFieldsTheModelTakesAreSentWithTheKey() {
        app.drop("fields.json", "{\"prompt\": \"fields check\", \"n\": 1, \"quality\": \"low\", \"seed\": 5}");
        app.awaitSidecars("fields", 1);
        var request = server.requests().stream().filter(r -> r.prompt() != null && r.prompt().contains("fields check")).findFirst().orElseThrow();
        assertThat(request.hadBearerToken()).isTrue();
        assertThat(request.fields()).containsKeys("model", "prompt", "quality").doesNotContainKeys("seed", "style", "response_format");
    }

    @Test
    void theKeyAppearsInNoOutputAndNoLog() throws IOException {
        server.faults().next(Fault.status(401, "invalid_api_key", "Incorrect API key provided."));
        app.drop("leak-check.json", brief("leak-check"));
        app.awaitDeadLetter("leak-check.json");
        app.drop("leak-ok.json", brief("leak-ok"));
        app.awaitSidecars("leak-ok", 1);
        List<Path> outputs;
        try (Stream<Path> files = Files.walk(root)) {
            outputs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(outputs).isNotEmpty();
        for (Path file : outputs) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(KEY);
        }
        Path log = TestLog.file();
        assertThat(log).exists();
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
    }

    private static String brief(String id) {
        return "{\"prompt\": \"" + id + " marker: a lighthouse\", \"n\": 1, \"expand\": false}";
    }

    private static long requestsFor(String id) {
        return server.requests().stream().filter(r -> r.prompt() != null && r.prompt().startsWith(id + " marker")).count();
    }
}

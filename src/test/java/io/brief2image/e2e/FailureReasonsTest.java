package io.brief2image.e2e;

import static io.brief2image.testing.PlainReason.assertPlain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.brief.Envelope;
import io.brief2image.deadletter.DeadLetters;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.RunningApp;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason a good brief can fail with after validation: each provider fault (through the
 * offline image server's fault injection), a disk error in the outbox, and exceptions nobody
 * described (through the real dead-letter channel). The reason is a plain sentence; the status,
 * the provider's code and the exception text are in the detail.
 */
class FailureReasonsTest {

    static final String KEY = "sk-test-NEVER-IN-A-REASON-7d2c";

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
                .set("max-attempts", "2")
                .set("request-timeout", "1")
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

    /** id, the fault, how often it happens, what the reason says, what the detail says. */
    static Stream<Arguments> providerFaults() {
        return Stream.of(
                Arguments.of("p400", Fault.status(400, "invalid_value", "Invalid value for 'size'."), 1,
                        "The image service refused the request as invalid (it said: \"Invalid value for 'size'\"). Check the brief's fields against"
                                + " the model.", "HTTP 400 invalid_value"),
                Arguments.of("p400-param", Fault.status(400, "unknown_parameter", "Unknown parameter: 'style'."), 1,
                        "The image service does not accept one of the brief's settings for this model (it said: \"Unknown parameter: 'style'\")."
                                + " Remove that field from the brief, or pick another model.", "unknown_parameter"),
                Arguments.of("p401", Fault.status(401, "invalid_api_key", "Incorrect API key provided: sk-test-***"), 1,
                        "The image service refused the API key. An operator should check OPENAI_API_KEY.", "HTTP 401"),
                Arguments.of("p403", Fault.status(403, null, "Organization must be verified."), 1,
                        "The API key may not use this model or endpoint (it said: \"Organization must be verified\"). An operator should check"
                                + " the account's access.", "HTTP 403"),
                Arguments.of("p404", Fault.status(404, "model_not_found", "The model does not exist."), 1,
                        "The image service does not know this model (it said: \"The model does not exist\").", "model_not_found"),
                Arguments.of("p429", Fault.status(429, "rate_limit_exceeded", "Slow down."), 2,
                        "The image service kept failing, so brief2image gave up after 2 attempts. The last time, the image service said there"
                                + " were too many requests (it said: \"Slow down\"). Replay the brief later", "HTTP 429 rate_limit_exceeded"),
                Arguments.of("p500", Fault.status(500, "server_error", "Something broke."), 2,
                        "gave up after 2 attempts. The last time, the image service had a problem on its side (it said: \"Something broke\").",
                        "HTTP 500 server_error"),
                Arguments.of("p-moderation", Fault.status(400, "moderation_blocked", "Your request was rejected by the safety system."), 1,
                        "The image service's safety system refused this prompt (it said: \"Your request was rejected by the safety system\")."
                                + " Rephrase the prompt and submit it again.", "moderation_blocked"),
                Arguments.of("p-policy", Fault.status(400, "content_policy_violation", "Your prompt may contain text that is not allowed."), 1,
                        "The image service's safety system refused this prompt", "content_policy_violation"),
                Arguments.of("p-timeout", Fault.hang(Duration.ofSeconds(4)), 2,
                        "gave up after 2 attempts. The last time, the image service did not answer in time.", "Timeout"),
                Arguments.of("p-malformed", Fault.malformedJson(), 2,
                        "gave up after 2 attempts. The last time, the image service sent a reply that could not be read (cut off or broken).",
                        "not valid JSON"),
                Arguments.of("p-reset", Fault.connectionReset(), 2,
                        "gave up after 2 attempts. The last time, the connection to the image service broke off or could not be made.", "Exception"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerFaults")
    void eachProviderFaultHasAPlainReason(String id, Fault fault, int times, String says, String detailSays) {
        server.faults().next(fault, times);
        app.drop(id + ".json", "{\"prompt\": \"" + id + " marker: a lighthouse\", \"n\": 1, \"expand\": false}");
        JsonNode error = app.awaitDeadLetter(id + ".json");
        assertThat(error.path("stage").asText()).isEqualTo("render");
        assertThat(error.path("reason").asText()).contains(says).doesNotContain("sk-");
        assertThat(error.path("attempts").asInt()).isEqualTo(times);
        assertPlain(error, root);
        assertThat(error.path("detail").asText()).contains(detailSays).doesNotContain(KEY);
    }

    @Test
    void anImageTheOutboxCannotTakeIsKeptNotDeadLetteredAndWrittenOnceItCan() throws IOException {
        Files.createDirectories(app.outbox());
        Path blocker = Files.writeString(app.outbox().resolve("no-room"), "a file where the brief's folder should be");
        app.drop("no-room.json", "{\"id\": \"no-room\", \"prompt\": \"a lighthouse\", \"n\": 1, \"expand\": false}");
        Path kept = root.resolve("data/pending-outbox/no-room");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(kept.resolve("no-room-1.png")));
        assertThat(app.failed().resolve("no-room.json.error.json")).doesNotExist();

        Files.delete(blocker);
        JsonNode sidecar = app.awaitSidecars("no-room", 1).get(0);
        assertThat(sidecar.path("warnings").toString()).contains("kept under data/pending-outbox");
        assertThat(app.outbox().resolve("no-room/no-room-1.png")).isNotEmptyFile();
        assertThat(kept).doesNotExist();
        assertThat(app.failed().resolve("no-room.json.error.json")).doesNotExist();
    }

    @Test
    void aDiskErrorInTheOutboxAndTheDataFolderHasAPlainReasonAndNoPath() throws IOException {
        Files.createDirectories(app.outbox());
        Files.createDirectories(root.resolve("data/pending-outbox"));
        Files.writeString(app.outbox().resolve("no-room-anywhere"), "a file where the brief's folder should be");
        Files.writeString(root.resolve("data/pending-outbox/no-room-anywhere"), "a file where the kept images should go");
        app.drop("no-room-anywhere.json", "{\"id\": \"no-room-anywhere\", \"prompt\": \"a lighthouse\", \"n\": 1, \"expand\": false}");
        JsonNode error = app.awaitDeadLetter("no-room-anywhere.json");
        assertThat(error.path("stage").asText()).isEqualTo("outbox");
        assertThat(error.path("reason").asText()).isEqualTo("The images could not be saved in the outbox, nor kept in the data folder for"
                + " later: reading or writing a file failed. An operator should look at the detail and the log, then replay the brief.");
        assertPlain(error, root);
        assertThat(error.path("detail").asText()).startsWith("FileAlreadyExistsException: …/pending-outbox/no-room-anywhere");
    }

    /** name, what went wrong (not a BriefFailure), what the reason says, what the detail says. */
    static Stream<Arguments> unexpected() {
        Path outbox = root.resolve("outbox");
        return Stream.of(
                Arguments.of("disk-full", new UncheckedIOException(new FileSystemException(outbox.resolve("a/a-1.png").toString(), null,
                        "No space left on device")), "This brief could not be finished: the disk is full. An operator should free disk space,"
                        + " then replay the brief.", "FileSystemException: …/a/a-1.png: No space left on device"),
                Arguments.of("wrapped-disk-full", new RuntimeCamelException(new IOException("No space left on device")),
                        "the disk is full.", "IOException: No space left on device"),
                Arguments.of("denied", new AccessDeniedException(root.resolve("failed/x.json").toString()),
                        "This brief could not be finished: a folder or file may not be written. An operator should check the folder permissions",
                        "AccessDeniedException: …/failed/x.json"),
                Arguments.of("missing", new NoSuchFileException(root.resolve("data/ledger/x").toString()),
                        "a file or folder it needed was missing.", "NoSuchFileException: …/ledger/x"),
                Arguments.of("broker", new JMSException("peer stopped"),
                        "This brief could not be finished: the message queue failed. Replay the brief when the broker is running again.",
                        "JMSException: peer stopped"),
                Arguments.of("bug", new IllegalStateException("index 3 out of bounds for length 2"),
                        "This brief could not be finished: something unexpected went wrong inside the service. An operator should look at the"
                                + " detail and the log; replaying the brief may work.", "IllegalStateException: index 3 out of bounds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unexpected")
    void anExceptionNobodyDescribedMapsToASentence(String name, Throwable thrown, String says, String detailSays) {
        Exchange exchange = new DefaultExchange(app.context());
        exchange.getMessage().setBody("{\"prompt\": \"a lighthouse\"}");
        new Envelope(io.brief2image.brief.BriefFormat.JSON, "file", name + ".json", name).headers().forEach(exchange.getMessage()::setHeader);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, thrown);
        app.bean("deadLetters", DeadLetters.class).fromPipeline(exchange);

        JsonNode error = app.awaitDeadLetter(name + ".json");
        assertThat(error.path("stage").asText()).isEqualTo("internal");
        assertThat(error.path("reason").asText()).contains(says);
        assertPlain(error, root);
        assertThat(error.path("detail").asText()).contains(detailSays);
    }
}

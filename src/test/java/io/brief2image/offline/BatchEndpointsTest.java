package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.OpenApiSchemas;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offline Files and Batches API answers spec-valid objects through a batch's whole life. */
class BatchEndpointsTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer(OfflineOptions.defaults().withFaults(true));
    @RegisterExtension
    static final SharedOfflineServer SLOW = new SharedOfflineServer(OfflineOptions.defaults().withFaults(true).withFixedImageBytes(20_000)
            .withBatchDelayMillis(3_000));
    static final OfflineTestClient client = new OfflineTestClient();

    static String line(String customId, String url, String body) {
        return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"" + url + "\",\"body\":" + body + "}";
    }

    static String generation(String customId, String prompt) {
        return line(customId, "/v1/images/generations",
                "{\"model\":\"gpt-image-2\",\"prompt\":\"" + prompt + "\",\"size\":\"1024x1024\",\"quality\":\"low\",\"seed\":7}");
    }

    static HttpResponse<String> upload(OfflineImageServer server, String purpose, String... lines) throws Exception {
        byte[] jsonl = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return client.postMultipart(server.baseUrl() + "/files",
                new MultipartBody().field("purpose", purpose).file("file", "in.jsonl", "application/jsonl", jsonl));
    }

    static JsonNode createBatch(OfflineImageServer server, String fileId, String endpoint) throws Exception {
        HttpResponse<String> created = client.postJson(server.baseUrl() + "/batches", Map.of("input_file_id", fileId,
                "endpoint", endpoint, "completion_window", "24h", "metadata", Map.of("pipeline", "test")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertValid("Batch", created.body());
        return json(created);
    }

    static JsonNode batch(OfflineImageServer server, String id) throws Exception {
        HttpResponse<String> got = client.send("GET", server.baseUrl() + "/batches/" + id);
        assertThat(got.statusCode()).isEqualTo(200);
        assertValid("Batch", got.body());
        return json(got);
    }

    static List<JsonNode> content(OfflineImageServer server, String fileId) throws Exception {
        HttpResponse<String> got = client.send("GET", server.baseUrl() + "/files/" + fileId + "/content");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        List<JsonNode> lines = new ArrayList<>();
        for (String text : got.body().split("\n")) {
            assertValid("BatchRequestOutput", text);
            lines.add(OfflineTestClient.MAPPER.readTree(text));
        }
        return lines;
    }

    static void assertValid(String schema, String json) {
        assertThat(OpenApiSchemas.violations(schema, json)).as(schema + ": " + json.substring(0, Math.min(400, json.length()))).isEmpty();
    }

    @Test
    void aBatchRunsItsLinesAndSplitsThemIntoOutputAndErrorFiles() throws Exception {
        OfflineImageServer server = SERVER.get();
        HttpResponse<String> uploaded = upload(server, "batch", generation("a", "red apple"), generation("b", "green pear"),
                line("c", "/v1/images/generations", "{\"model\":\"gpt-image-2\",\"prompt\":\"x\",\"style\":\"vivid\"}"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertValid("OpenAIFile", uploaded.body());
        assertThat(json(uploaded).path("purpose").asText()).isEqualTo("batch");

        JsonNode batch = createBatch(server, json(uploaded).path("id").asText(), "/v1/images/generations");
        assertThat(batch.path("status").asText()).isEqualTo("completed");
        assertThat(batch.path("metadata").path("pipeline").asText()).isEqualTo("test");
        assertThat(batch.path("request_counts").toString()).isEqualTo("{\"total\":3,\"completed\":2,\"failed\":1}");

        List<JsonNode> output = content(server, batch.path("output_file_id").asText());
        assertThat(output).extracting(l -> l.path("custom_id").asText()).containsExactly("a", "b");
        for (JsonNode line : output) {
            assertThat(line.path("response").path("status_code").asInt()).isEqualTo(200);
            JsonNode body = line.path("response").path("body");
            assertValid("ImagesResponse", body.toString());
            assertThat(body.path("usage").path("output_tokens").asInt()).isPositive();
            assertThat(OfflineTestClient.isPng(OfflineTestClient.decode(body.path("data").get(0).path("b64_json").asText()))).isTrue();
        }
        // the same prompt and seed give the same bytes as the synchronous endpoint
        HttpResponse<String> sync = client.postJson(server.baseUrl() + "/images/generations",
                Map.of("model", "gpt-image-2", "prompt", "red apple", "size", "1024x1024", "quality", "low", "seed", 7));
        assertThat(output.get(0).path("response").path("body").path("data").get(0).path("b64_json").asText())
                .isEqualTo(json(sync).path("data").get(0).path("b64_json").asText());

        List<JsonNode> errors = content(server, batch.path("error_file_id").asText());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("custom_id").asText()).isEqualTo("c");
        assertThat(errors.get(0).path("response").path("status_code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).path("response").path("body").path("error").path("code").asText()).isEqualTo("unknown_parameter");

        HttpResponse<String> meta = client.send("GET", server.baseUrl() + "/files/" + batch.path("output_file_id").asText());
        assertValid("OpenAIFile", meta.body());
        String raw = client.send("GET", server.baseUrl() + "/files/" + batch.path("output_file_id").asText() + "/content").body();
        assertThat(json(meta).path("bytes").asLong()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
        assertThat(client.send("GET", server.baseUrl() + "/files/" + batch.path("output_file_id").asText() + "/content").body())
                .as("a second download gives the same bytes").isEqualTo(raw);

        HttpResponse<String> list = client.send("GET", server.baseUrl() + "/batches");
        assertValid("ListBatchesResponse", list.body());
        assertThat(json(list).path("data").findValuesAsText("id")).contains(batch.path("id").asText());
    }

    @Test
    void whenNoLineSucceedsThereIsNoOutputFile() throws Exception {
        OfflineImageServer server = SERVER.get();
        String file = json(upload(server, "batch", line("only", "/v1/images/generations", "{\"prompt\":\"\"}"))).path("id").asText();
        JsonNode batch = createBatch(server, file, "/v1/images/generations");
        assertThat(batch.path("status").asText()).isEqualTo("completed");
        assertThat(batch.has("output_file_id")).isFalse();
        assertThat(content(server, batch.path("error_file_id").asText()).get(0).path("response").path("body").path("error")
                .path("code").asText()).isEqualTo("missing_required_parameter");
    }

    @Test
    void theUploadIsCheckedLineByLineAndTheReasonNamesTheLine() throws Exception {
        OfflineImageServer server = SERVER.get();
        HttpResponse<String> duplicate = upload(server, "batch", generation("a", "one"), generation("a", "two"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertValid("ErrorResponse", duplicate.body());
        assertThat(json(duplicate).path("error").path("message").asText()).contains("Line 2").contains("custom_id 'a'");

        HttpResponse<String> wrongUrl = upload(server, "batch", line("a", "/v1/chat/completions", "{}"));
        assertThat(json(wrongUrl).path("error").path("message").asText()).contains("Line 1").contains("url");
        HttpResponse<String> method = upload(server, "batch", generation("a", "one").replace("POST", "GET"));
        assertThat(json(method).path("error").path("message").asText()).contains("method");
        HttpResponse<String> notJson = upload(server, "batch", generation("a", "one"), "{not json");
        assertThat(json(notJson).path("error").path("message").asText()).contains("Line 2").contains("not valid JSON");
        HttpResponse<String> purpose = upload(server, "fine-tune", generation("a", "one"));
        assertThat(json(purpose).path("error").path("param").asText()).isEqualTo("purpose");
    }

    @Test
    void aBatchRequestIsCheckedAsTheSpecSays() throws Exception {
        OfflineImageServer server = SERVER.get();
        String file = json(upload(server, "batch", generation("a", "one"))).path("id").asText();
        HttpResponse<String> window = client.postJson(server.baseUrl() + "/batches",
                Map.of("input_file_id", file, "endpoint", "/v1/images/generations", "completion_window", "1h"));
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(json(window).path("error").path("param").asText()).isEqualTo("completion_window");
        HttpResponse<String> unknown = client.postJson(server.baseUrl() + "/batches",
                Map.of("input_file_id", "file-nope", "endpoint", "/v1/images/generations", "completion_window", "24h"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(client.send("GET", server.baseUrl() + "/batches/batch_nope").statusCode()).isEqualTo(404);
        assertThat(client.send("DELETE", server.baseUrl() + "/batches").statusCode()).isEqualTo(405);

        JsonNode mismatch = createBatch(server, file, "/v1/images/edits");
        assertThat(mismatch.path("status").asText()).isEqualTo("failed");
        assertThat(mismatch.path("errors").path("data").get(0).path("line").asInt()).isEqualTo(1);
    }

    @Test
    void aBatchGoesThroughItsStatusesOnTheClock() throws Exception {
        OfflineImageServer server = SLOW.get();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(generation("l" + i, "tick " + i));
        }
        String file = json(upload(server, "batch", lines.toArray(String[]::new))).path("id").asText();
        JsonNode created = createBatch(server, file, "/v1/images/generations");
        assertThat(created.path("status").asText()).isEqualTo("validating");
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String status = batch(server, created.path("id").asText()).path("status").asText();
            seen.add(status);
            return status.equals("completed");
        });
        assertThat(seen).contains("in_progress", "completed");
        JsonNode done = batch(server, created.path("id").asText());
        assertThat(done.path("completed_at").asLong()).isGreaterThanOrEqualTo(done.path("created_at").asLong());
        assertThat(content(server, done.path("output_file_id").asText())).hasSize(10);
    }

    @Test
    void aCancelledBatchKeepsWhatRanAndListsTheRestAsCancelled() throws Exception {
        OfflineImageServer server = SLOW.get();
        String file = json(upload(server, "batch", generation("a", "one"), generation("b", "two"))).path("id").asText();
        JsonNode created = createBatch(server, file, "/v1/images/generations");
        HttpResponse<String> cancelling = client.postJson(server.baseUrl() + "/batches/" + created.path("id").asText() + "/cancel", "");
        assertValid("Batch", cancelling.body());
        assertThat(json(cancelling).path("status").asText()).isEqualTo("cancelling");
        await().atMost(Duration.ofSeconds(5)).until(() -> batch(server, created.path("id").asText()).path("status").asText().equals("cancelled"));
        JsonNode cancelled = batch(server, created.path("id").asText());
        assertThat(cancelled.has("output_file_id")).isFalse();
        assertThat(content(server, cancelled.path("error_file_id").asText()))
                .extracting(l -> l.path("error").path("code").asText()).containsExactly("batch_cancelled", "batch_cancelled");
        HttpResponse<String> again = client.postJson(server.baseUrl() + "/batches/" + created.path("id").asText() + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").path("message").asText()).contains("cancelled");
    }

    @Test
    void faultsMakeABatchExpireOrFailOrOneLineFail() throws Exception {
        OfflineImageServer server = SERVER.get();
        String file = json(upload(server, "batch", generation("a", "one"), generation("b", "two"), generation("c", "three"),
                generation("d", "four"))).path("id").asText();

        server.faults().next(Fault.batchExpires());
        JsonNode expired = createBatch(server, file, "/v1/images/generations");
        assertThat(expired.path("status").asText()).isEqualTo("expired");
        assertThat(content(server, expired.path("output_file_id").asText())).extracting(l -> l.path("custom_id").asText())
                .containsExactly("a", "b");
        assertThat(content(server, expired.path("error_file_id").asText())).extracting(l -> l.path("error").path("code").asText())
                .containsExactly("batch_expired", "batch_expired");

        server.faults().next(Fault.batchFails("token_limit_exceeded", "Enqueued token limit reached."));
        JsonNode failed = createBatch(server, file, "/v1/images/generations");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("errors").path("data").get(0).path("message").asText()).isEqualTo("Enqueued token limit reached.");

        // over the control API, as a pipeline in another JVM would
        client.postJson(server.sdWebUiUrl() + "/_offline/faults",
                "[{\"type\":\"batch_line\",\"status\":400,\"code\":\"moderation_blocked\",\"message\":\"Blocked.\"}]");
        JsonNode oneLine = createBatch(server, file, "/v1/images/generations");
        assertThat(oneLine.path("request_counts").path("failed").asInt()).isEqualTo(1);
        JsonNode error = content(server, oneLine.path("error_file_id").asText()).get(0);
        assertThat(error.path("custom_id").asText()).isEqualTo("a");
        assertThat(error.path("response").path("body").path("error").path("type").asText()).isEqualTo("image_generation_user_error");
    }
}

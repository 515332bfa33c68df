package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.firstImage;
import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GenerationsEndpointTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void baseUrlsPointAtLoopback() {
        assertThat(SERVER.get().port()).isPositive();
        assertThat(SERVER.get().baseUrl()).isEqualTo("http://127.0.0.1:" + SERVER.get().port() + "/v1");
        assertThat(SERVER.get().sdWebUiUrl()).isEqualTo("http://127.0.0.1:" + SERVER.get().port());
    }

    @Test
    void samePromptAndSeedGiveIdenticalBytesAndDifferentSeedsDiffer() throws Exception {
        byte[] first = firstImage(generate(request("a castle on a hill", 42)));
        byte[] again = firstImage(generate(request("a castle on a hill", 42)));
        byte[] otherSeed = firstImage(generate(request("a castle on a hill", 43)));

        assertThat(first).isEqualTo(again);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void imageKOfABatchUsesSeedPlusKMinusOne() throws Exception {
        Map<String, Object> batch = request("two birds", 500);
        batch.put("n", 2);
        JsonNode reply = json(generate(batch));
        byte[] second = OfflineTestClient.decode(reply.path("data").get(1).path("b64_json").asText());

        byte[] single = firstImage(generate(request("two birds", 501)));

        assertThat(reply.path("data")).hasSize(2);
        assertThat(second).isEqualTo(single);
    }

    @Test
    void repliesWithAValidPngOfTheRequestedSizeAndOpenAiEnvelope() throws Exception {
        Map<String, Object> body = request("wide landscape", 3);
        body.put("size", "1536x1024");
        body.put("quality", "low");
        HttpResponse<String> response = generate(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        byte[] png = firstImage(response);
        assertThat(OfflineTestClient.isPng(png)).isTrue();
        BufferedImage image = OfflineTestClient.readImage(png);
        assertThat(image.getWidth()).isEqualTo(1536);
        assertThat(image.getHeight()).isEqualTo(1024);

        JsonNode reply = json(response);
        assertThat(reply.path("created").asLong()).isPositive();
        JsonNode usage = reply.path("usage");
        assertThat(usage.path("input_tokens").asInt()).isEqualTo(2);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(167); // gpt-image-2 low, wide: $0.005 at $30 per 1M
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(169);
        assertThat(usage.path("input_tokens_details").path("image_tokens").asInt()).isZero();
        assertThat(reply.path("data").get(0).has("revised_prompt")).isFalse();
    }

    @Test
    void autoSizeMeansSquareAndJpegIsHonoured() throws Exception {
        Map<String, Object> body = request("square", 1);
        body.put("size", "auto");
        body.put("output_format", "jpeg");
        byte[] jpeg = firstImage(generate(body));

        assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
        assertThat(OfflineTestClient.readImage(jpeg).getWidth()).isEqualTo(1024);
    }

    @Test
    void gptImageModelsRejectStyleLikeOpenAi() throws Exception {
        Map<String, Object> body = request("styled", 1);
        body.put("style", "vivid");
        HttpResponse<String> response = generate(body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isEqualTo("Unknown parameter: 'style'.");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("style");
        assertThat(error.path("code").asText()).isEqualTo("unknown_parameter");
    }

    @Test
    void gptImageModelsRejectResponseFormat() throws Exception {
        Map<String, Object> body = request("formatted", 1);
        body.put("response_format", "b64_json");
        HttpResponse<String> response = generate(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("response_format");
    }

    @Test
    void blankPromptIsABadRequest() throws Exception {
        HttpResponse<String> response = generate(request("  ", 1));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("prompt");
    }

    @Test
    void invalidSizeIsABadRequest() throws Exception {
        Map<String, Object> body = request("too big", 1);
        body.put("size", "9000x9000");
        HttpResponse<String> response = generate(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("size");
    }

    @Test
    void missingSeedFallsBackToAPromptDerivedSeed() throws Exception {
        Map<String, Object> body = request("no seed given", 0);
        body.remove("seed");
        assertThat(firstImage(generate(body))).isEqualTo(firstImage(generate(body)));
    }

    @Test
    void recordsWhatWasAskedWithoutLeakingTheToken() throws Exception {
        Map<String, Object> body = request("recorded prompt", 77);
        body.put("size", "1024x1536");
        body.put("quality", "medium");
        generate(body);

        assertThat(SERVER.get().requests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.method()).isEqualTo("POST");
            assertThat(recorded.path()).isEqualTo("/v1/images/generations");
            assertThat(recorded.model()).isEqualTo("gpt-image-2");
            assertThat(recorded.prompt()).isEqualTo("recorded prompt");
            assertThat(recorded.seed()).isEqualTo(77L);
            assertThat(recorded.n()).isNull();
            assertThat(recorded.size()).isEqualTo("1024x1536");
            assertThat(recorded.hadBearerToken()).isTrue();
            assertThat(recorded.imageParts()).isZero();
            assertThat(recorded.fields()).containsEntry("quality", "medium").containsEntry("seed", 77);
            assertThat(recorded.toString()).doesNotContain("sk-offline-test");
        });
    }

    @Test
    void requestsWithoutBearerTokenAreServedButFlagged() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.get().baseUrl() + "/images/generations"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"anonymous\",\"size\":\"1024x1024\"}"))
                .build();
        HttpResponse<String> response = client.http().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVER.get().requests()).singleElement().satisfies(r -> assertThat(r.hadBearerToken()).isFalse());
    }

    @Test
    void unknownPathsAre404AndWrongMethodsAre405() throws Exception {
        HttpResponse<String> missing = client.postJson(SERVER.get().baseUrl() + "/images/variations-nope", "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").path("code").asText()).isEqualTo("not_found");

        HttpResponse<String> wrongMethod = client.send("GET", SERVER.get().baseUrl() + "/images/generations");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    private static HttpResponse<String> generate(Map<String, Object> body) throws Exception {
        return client.postJson(SERVER.get().baseUrl() + "/images/generations", body);
    }

    private static Map<String, Object> request(String prompt, long seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("model", "gpt-image-2");
        body.put("prompt", prompt);
        body.put("seed", seed);
        body.put("size", "1024x1024");
        return body;
    }
}

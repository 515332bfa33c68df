package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponsesEndpointTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void returnsAnImageGenerationCallWithRevisedPromptAndPng() throws Exception {
        Map<String, Object> body = Map.of(
                "model", "gpt-4.1-mini",
                "input", "a koi pond",
                "seed", 5,
                "tools", List.of(Map.of("type", "image_generation", "size", "1024x1536", "quality", "low")));
        HttpResponse<String> response = client.postJson(SERVER.get().baseUrl() + "/responses", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json(response);
        assertThat(reply.path("id").asText()).startsWith("resp_");
        assertThat(reply.path("object").asText()).isEqualTo("response");
        JsonNode call = reply.path("output").get(0);
        assertThat(call.path("type").asText()).isEqualTo("image_generation_call");
        assertThat(call.path("id").asText()).startsWith("ig_");
        assertThat(call.path("status").asText()).isEqualTo("completed");
        assertThat(call.path("revised_prompt").asText())
                .isEqualTo("Offline preview: a koi pond, centered composition, soft daylight");
        byte[] png = OfflineTestClient.decode(call.path("result").asText());
        assertThat(OfflineTestClient.isPng(png)).isTrue();
        assertThat(OfflineTestClient.readImage(png).getHeight()).isEqualTo(1536);
        assertThat(reply.path("usage").path("total_tokens").asInt()).isPositive();
    }

    @Test
    void readsThePromptFromMessageContent() throws Exception {
        Map<String, Object> message = Map.of("role", "user", "content",
                List.of(Map.of("type", "input_text", "text", "a paper crane")));
        Map<String, Object> body = Map.of(
                "model", "gpt-4.1",
                "input", List.of(message),
                "seed", 3,
                "tools", List.of(Map.of("type", "image_generation", "size", "1024x1024")));
        HttpResponse<String> first = client.postJson(SERVER.get().baseUrl() + "/responses", body);
        HttpResponse<String> second = client.postJson(SERVER.get().baseUrl() + "/responses", body);

        assertThat(json(first).path("output").get(0).path("revised_prompt").asText()).contains("a paper crane");
        assertThat(json(first).path("output").get(0).path("result").asText())
                .isEqualTo(json(second).path("output").get(0).path("result").asText());
        assertThat(SERVER.get().requests()).last().satisfies(r -> {
            assertThat(r.prompt()).isEqualTo("a paper crane");
            assertThat(r.size()).isEqualTo("1024x1024");
        });
    }

    @Test
    void withoutTheImageToolItIsABadRequest() throws Exception {
        HttpResponse<String> response = client.postJson(SERVER.get().baseUrl() + "/responses",
                Map.of("model", "gpt-4.1", "input", "hello"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("tools");
    }
}

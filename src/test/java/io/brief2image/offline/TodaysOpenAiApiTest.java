package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.OpenApiSchemas;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline provider answers what OpenAI answers on 2026-12-01: its model list, shut-down models, sizes, streaming. */
class TodaysOpenAiApiTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void listsTheModelsItServesInTheSpecsShape() throws Exception {
        HttpResponse<String> response = client.send("GET", SERVER.get().baseUrl() + "/models");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(OpenApiSchemas.violations("ListModelsResponse", response.body())).isEmpty();
        JsonNode list = json(response);
        assertThat(list.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(model -> ids.add(model.path("id").asText()));
        assertThat(ids).contains("gpt-image-2", "gpt-image-2-2026-04-21", "gpt-image-2.6-sunburst", "gpt-image-2.6-flare")
                .doesNotContain("gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "chatgpt-image-latest", "dall-e-2", "dall-e-3");
        assertThat(list.path("data").get(0).path("object").asText()).isEqualTo("model");
        assertThat(list.path("data").get(0).path("owned_by").asText()).isNotBlank();
    }

    @Test
    void retrievesOneServedModelAndRefusesARetiredOne() throws Exception {
        HttpResponse<String> served = client.send("GET", SERVER.get().baseUrl() + "/models/gpt-image-2");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(OpenApiSchemas.violations("Model", served.body())).isEmpty();
        assertThat(json(served).path("id").asText()).isEqualTo("gpt-image-2");

        HttpResponse<String> retired = client.send("GET", SERVER.get().baseUrl() + "/models/dall-e-3");
        assertThat(retired.statusCode()).isEqualTo(404);
        assertThat(json(retired).path("error").path("code").asText()).isEqualTo("model_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "chatgpt-image-latest", "dall-e-2", "dall-e-3"})
    void retiredModelsAnswer404ModelNotFoundExactlyAsUpstream(String model) throws Exception {
        HttpResponse<String> response = generate(Map.of("model", model, "prompt", "a lighthouse"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(OpenApiSchemas.violations("ErrorResponse", response.body())).isEmpty();
        assertThat(response.body()).isEqualTo("{\"error\":{\"message\":\"The model `" + model
                + "` does not exist or you do not have access to it.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"model_not_found\"}}");
    }

    @Test
    void retiredModelsAre404OnEditsAndAsTheResponsesToolModelToo() throws Exception {
        MultipartBody edit = new MultipartBody().field("model", "gpt-image-1").field("prompt", "add a hat")
                .file("image[]", "base.png", "image/png", png());
        assertThat(client.postMultipart(SERVER.get().baseUrl() + "/images/edits", edit).statusCode()).isEqualTo(404);

        HttpResponse<String> tool = client.postJson(SERVER.get().baseUrl() + "/responses", Map.of("model", "gpt-5-mini",
                "input", "a kite", "tools", List.of(Map.of("type", "image_generation", "model", "gpt-image-1.5"))));
        assertThat(tool.statusCode()).isEqualTo(404);
        assertThat(json(tool).path("error").path("message").asText()).contains("`gpt-image-1.5`");
    }

    @ParameterizedTest(name = "{0} is taken")
    @ValueSource(strings = {"auto", "1024x1024", "1536x1024", "1024x1536", "1024x640", "3840x2160", "2048x2048",
            "2880x2880", "3840x1280", "1280x3840", "1920x1088"})
    void gptImage2TakesFlexibleSizes(String size) throws Exception {
        HttpResponse<String> response = generate(Map.of("model", "gpt-image-2", "prompt", "a field", "size", size,
                "quality", "low"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (!size.equals("auto")) {
            String[] sides = size.split("x");
            var image = OfflineTestClient.readImage(OfflineTestClient.firstImage(response));
            assertThat(image.getWidth()).isEqualTo(Integer.parseInt(sides[0]));
            assertThat(image.getHeight()).isEqualTo(Integer.parseInt(sides[1]));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1000x1000|multiples of 16",
        "1024x1030|multiples of 16",
        "4096x2048|at most 3840",
        "3840x1264|aspect ratio",
        "800x800|between 655360 and 8294400 pixels",
        "512x512|between 655360 and 8294400 pixels",
        "3840x2176|between 655360 and 8294400 pixels",
        "big|Use 'auto' or WIDTHxHEIGHT",
        "1024x|Use 'auto' or WIDTHxHEIGHT"})
    void sizesOutsideTheRulesAre400InvalidValue(String size, String rule) throws Exception {
        HttpResponse<String> response = generate(Map.of("model", "gpt-image-2", "prompt", "a field", "size", size));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_value");
        assertThat(error.path("param").asText()).isEqualTo("size");
        assertThat(error.path("message").asText()).contains("'" + size + "'").contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"style", "response_format"})
    void gptImageModelsRejectDallEParametersOnEditsAsOnGenerations(String parameter) throws Exception {
        MultipartBody edit = new MultipartBody().field("model", "gpt-image-2").field("prompt", "add a hat")
                .field(parameter, parameter.equals("style") ? "vivid" : "b64_json")
                .file("image[]", "base.png", "image/png", png());
        HttpResponse<String> response = client.postMultipart(SERVER.get().baseUrl() + "/images/edits", edit);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("unknown_parameter");
        assertThat(json(response).path("error").path("param").asText()).isEqualTo(parameter);
    }

    @Test
    void streamedGenerationSendsPartialImagesThenCompletedAsServerSentEvents() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("model", "gpt-image-2", "prompt", "a red kite",
                "size", "1024x1536", "quality", "low", "stream", true, "partial_images", 2));
        HttpResponse<String> response = generate(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String[]> events = events(response.body());
        assertThat(events).extracting(e -> e[0]).containsExactly(
                "image_generation.partial_image", "image_generation.partial_image", "image_generation.completed");
        for (String[] event : events) {
            assertThat(OpenApiSchemas.violations("ImageGenStreamEvent", event[1])).as(event[0]).isEmpty();
            JsonNode data = OfflineTestClient.MAPPER.readTree(event[1]);
            assertThat(data.path("type").asText()).isEqualTo(event[0]);
            assertThat(data.path("size").asText()).isEqualTo("1024x1536");
            assertThat(OfflineTestClient.isPng(OfflineTestClient.decode(data.path("b64_json").asText()))).isTrue();
        }
        assertThat(OfflineTestClient.MAPPER.readTree(events.get(1)[1]).path("partial_image_index").asInt()).isEqualTo(1);
        assertThat(OfflineTestClient.MAPPER.readTree(events.get(2)[1]).path("usage").path("output_tokens").asInt()).isPositive();
    }

    @Test
    void streamedEditUsesTheImageEditEvents() throws Exception {
        MultipartBody edit = new MultipartBody().field("model", "gpt-image-2").field("prompt", "add a hat")
                .field("stream", "true").field("partial_images", "1")
                .file("image[]", "base.png", "image/png", png());
        HttpResponse<String> response = client.postMultipart(SERVER.get().baseUrl() + "/images/edits", edit);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String[]> events = events(response.body());
        assertThat(events).extracting(e -> e[0]).containsExactly("image_edit.partial_image", "image_edit.completed");
        events.forEach(e -> assertThat(OpenApiSchemas.violations("ImageEditStreamEvent", e[1])).isEmpty());
    }

    @Test
    void aStreamRequestNeverGetsAPlainJsonReply() throws Exception {
        HttpResponse<String> noPartials = generate(Map.of("prompt", "a kite", "stream", true));
        assertThat(noPartials.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(events(noPartials.body())).extracting(e -> e[0]).containsExactly("image_generation.completed");

        HttpResponse<String> tooMany = generate(Map.of("prompt", "a kite", "stream", true, "partial_images", 4));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).path("error").path("param").asText()).isEqualTo("partial_images");

        HttpResponse<String> responses = client.postJson(SERVER.get().baseUrl() + "/responses", Map.of("model", "gpt-5-mini",
                "input", "a kite", "stream", true, "tools", List.of(Map.of("type", "image_generation"))));
        assertThat(responses.statusCode()).isEqualTo(400);
        assertThat(json(responses).path("error").path("param").asText()).isEqualTo("stream");
    }

    @Test
    void imagesAndResponsesRepliesMatchTheSpecsSchemas() throws Exception {
        HttpResponse<String> generation = generate(Map.of("model", "gpt-image-2", "prompt", "a kite", "n", 2, "quality", "low"));
        assertThat(generation.statusCode()).isEqualTo(200);
        assertThat(OpenApiSchemas.violations("ImagesResponse", generation.body())).isEmpty();

        MultipartBody edit = new MultipartBody().field("model", "gpt-image-2").field("prompt", "add a hat")
                .file("image[]", "base.png", "image/png", png());
        HttpResponse<String> edited = client.postMultipart(SERVER.get().baseUrl() + "/images/edits", edit);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(OpenApiSchemas.violations("ImagesResponse", edited.body())).isEmpty();

        HttpResponse<String> response = client.postJson(SERVER.get().baseUrl() + "/responses", Map.of("model", "gpt-5-mini",
                "input", "a kite", "tools", List.of(Map.of("type", "image_generation", "model", "gpt-image-2"))));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode call = json(response).path("output").get(0);
        assertThat(OpenApiSchemas.violations("ImageGenToolCall", call.toString())).isEmpty();

        HttpResponse<String> refused = generate(Map.of("model", "gpt-image-2", "prompt", "a kite", "style", "vivid"));
        assertThat(OpenApiSchemas.violations("ErrorResponse", refused.body())).isEmpty();
    }

    /** Each Server-Sent Event as {event name, data}. */
    static List<String[]> events(String body) {
        List<String[]> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (name != null) {
                events.add(new String[] {name, data.toString()});
            }
        }
        return events;
    }

    private static HttpResponse<String> generate(Map<String, Object> body) throws Exception {
        return client.postJson(SERVER.get().baseUrl() + "/images/generations", body);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewPainter.paint("base", 1, 64, 64, "png", out);
        return out.toByteArray();
    }
}

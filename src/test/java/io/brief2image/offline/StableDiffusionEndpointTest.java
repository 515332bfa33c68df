package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StableDiffusionEndpointTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void reportsTheRequestedSeedInsideTheInfoString() throws Exception {
        Map<String, Object> body = txt2img("a mountain lake", 42);
        body.put("batch_size", 2);
        HttpResponse<String> response = post("/sdapi/v1/txt2img", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json(response);
        assertThat(reply.path("info").isTextual()).isTrue();
        JsonNode info = OfflineTestClient.MAPPER.readTree(reply.path("info").asText());
        assertThat(info.path("seed").asLong()).isEqualTo(42);
        assertThat(info.path("all_seeds")).extracting(JsonNode::asLong).containsExactly(42L, 43L);
        assertThat(info.path("width").asInt()).isEqualTo(320);
        assertThat(info.path("height").asInt()).isEqualTo(192);
        assertThat(reply.path("images")).hasSize(2);
        assertThat(reply.path("parameters").path("prompt").asText()).isEqualTo("a mountain lake");
        byte[] png = OfflineTestClient.decode(reply.path("images").get(0).asText());
        assertThat(OfflineTestClient.readImage(png).getWidth()).isEqualTo(320);
    }

    @Test
    void randomSeedIsReportedAndReproducible() throws Exception {
        JsonNode random = json(post("/sdapi/v1/txt2img", txt2img("a fox", -1)));
        long chosen = OfflineTestClient.MAPPER.readTree(random.path("info").asText()).path("seed").asLong();
        assertThat(chosen).isNotNegative();

        JsonNode replay = json(post("/sdapi/v1/txt2img", txt2img("a fox", chosen)));

        assertThat(replay.path("images").get(0).asText()).isEqualTo(random.path("images").get(0).asText());
    }

    @Test
    void img2imgRendersFromTheInitImage() throws Exception {
        JsonNode first = json(post("/sdapi/v1/img2img", img2img("first")));
        JsonNode other = json(post("/sdapi/v1/img2img", img2img("second")));

        assertThat(first.path("images").get(0).asText()).isNotEqualTo(other.path("images").get(0).asText());
        assertThat(first.path("parameters").path("init_images").isNull()).isTrue();
        assertThat(OfflineTestClient.MAPPER.readTree(first.path("info").asText()).path("denoising_strength").asDouble())
                .isEqualTo(0.4);
        assertThat(SERVER.get().requests()).last().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/sdapi/v1/img2img");
            assertThat(r.imageParts()).isEqualTo(1);
            assertThat(r.n()).isNull();
            assertThat(r.seed()).isEqualTo(9L);
            assertThat(r.fields()).doesNotContainKey("init_images");
        });
    }

    @Test
    void img2imgWithoutInitImagesIsRejected() throws Exception {
        assertThat(post("/sdapi/v1/img2img", txt2img("nothing", 1)).statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> post(String path, Object body) throws Exception {
        return client.postJson(SERVER.get().sdWebUiUrl() + path, body);
    }

    private static Map<String, Object> txt2img(String prompt, long seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("prompt", prompt);
        body.put("negative_prompt", "blurry");
        body.put("seed", seed);
        body.put("width", 320);
        body.put("height", 192);
        body.put("steps", 20);
        body.put("cfg_scale", 7);
        body.put("sampler_name", "DPM++ 2M");
        return body;
    }

    private static Map<String, Object> img2img(String basePrompt) throws Exception {
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        PreviewPainter.paint(basePrompt, 1, 64, 64, "png", base);
        Map<String, Object> body = txt2img("repaint it", 9);
        body.put("init_images", List.of(Base64.getEncoder().encodeToString(base.toByteArray())));
        body.put("denoising_strength", 0.4);
        return body;
    }
}

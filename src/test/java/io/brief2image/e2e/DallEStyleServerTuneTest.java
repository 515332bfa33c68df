package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.brief2image.testing.RunningApp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dall-e-3 is shut down at OpenAI (and so refused by the offline provider), but OpenAI-compatible
 * servers still serve it. Against such a stand-in, a tune of a dall-e-3 image (the model cannot edit)
 * generates afresh with the change, keeps the seed and style, and records the server's revision.
 */
class DallEStyleServerTuneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVISED = "A quiet harbour, revised by the DALL-E-style server";

    @TempDir
    Path root;

    @Test
    void tuneOfAModelWithoutEditsGeneratesAfreshAndRecordsTheProvidersRevision() throws Exception {
        WireMockServer dallE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        dallE.start();
        dallE.stubFor(post(urlPathEqualTo("/v1/images/generations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"created\":1767225600,\"data\":[{\"b64_json\":\"" + png() + "\",\"revised_prompt\":\"" + REVISED + "\"}]}")));
        // the server's own table: dall-e-3 still served there (models.yaml says it is shut down at OpenAI)
        try (RunningApp app = new RunningApp(root).set("models", "classpath:models-dalle-server.yaml")
                .set("provider", "openai").set("openai-api-key", "sk-dalle-test")
                .set("openai-base-url", "http://127.0.0.1:" + dallE.port() + "/v1").set("expansion", "rules").start()) {
            app.drop("harbour.json", "{\"prompt\": \"a quiet harbour with fishing boats\", \"model\": \"dall-e-3\", \"n\": 1, "
                    + "\"seed\": 9, \"style\": \"natural\", \"expand\": false}");
            JsonNode parent = app.awaitSidecars("harbour", 1).get(0);

            app.drop("harbour-storm.json", "{\"base_image\": \"harbour-1\", \"change\": \"add a storm\"}");
            JsonNode tuned = app.awaitSidecars("harbour-storm", 1).get(0);

            assertThat(tuned.path("parent").asText()).isEqualTo("harbour-1");
            assertThat(tuned.path("model").asText()).isEqualTo("dall-e-3");
            assertThat(tuned.path("style").asText()).isEqualTo("natural");
            assertThat(tuned.path("seed").asLong()).isEqualTo(parent.path("seed").asLong());
            assertThat(tuned.path("image_prompt").asText()).contains("storm");
            assertThat(tuned.path("revised_by").asText()).isEqualTo("provider");
            assertThat(tuned.path("revised_prompt").asText()).isEqualTo(REVISED);
            List<LoggedRequest> generations = dallE.findAll(postRequestedFor(urlPathEqualTo("/v1/images/generations")));
            JsonNode tuneRequest = generations.stream().map(r -> read(r.getBodyAsString()))
                    .filter(b -> b.path("prompt").asText().contains("storm")).findFirst().orElseThrow();
            assertThat(tuneRequest.path("model").asText()).isEqualTo("dall-e-3");
            assertThat(tuneRequest.path("style").asText()).isEqualTo("natural");
            assertThat(dallE.findAll(postRequestedFor(urlPathEqualTo("/v1/images/edits")))).isEmpty();
        } finally {
            dallE.stop();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

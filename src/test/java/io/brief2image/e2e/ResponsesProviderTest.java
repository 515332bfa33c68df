package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider=responses against an OpenAI-compatible server (the offline server started here, reached
 * as an outside server with a key): one Responses call per image, the provider's revised prompt recorded.
 */
class ResponsesProviderTest {

    private static final String KEY = "sk-test-x";

    @TempDir
    static Path root;
    static OfflineImageServer server;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults());
        app = new RunningApp(root)
                .set("provider", "responses")
                .set("openai-api-key", KEY)
                .set("openai-base-url", server.baseUrl())
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    @Test
    void eachImageIsOneResponsesCallAndTheSidecarRecordsTheProvidersRevision() throws Exception {
        app.drop("kite.json", "{\"prompt\": \"a kite over the dunes\", \"n\": 2, \"size\": \"wide\", \"quality\": \"low\"}");
        List<JsonNode> sidecars = app.awaitSidecars("kite", 2);

        List<RecordedRequest> calls = server.requests().stream()
                .filter(r -> r.path().equals("/v1/responses") && r.prompt().contains("kite over the dunes")).toList();
        assertThat(calls).hasSize(2);
        for (JsonNode sidecar : sidecars) {
            String imagePrompt = sidecar.path("image_prompt").asText();
            assertThat(sidecar.path("provider").asText()).isEqualTo("responses");
            assertThat(sidecar.path("revised_by").asText()).isEqualTo("provider");
            // what the stand-in's mainline model wrote for the image tool
            assertThat(sidecar.path("revised_prompt").asText())
                    .isEqualTo("Offline preview: " + imagePrompt + ", centered composition, soft daylight");
            assertThat(sidecar.path("seed_honored").asBoolean()).isFalse();
            assertThat(sidecar.path("size").asText()).isEqualTo("1536x1024");
            assertThat(sidecar.path("usage").path("output_tokens").asLong()).isPositive();
            assertThat(sidecar.path("media_type").asText()).isEqualTo("image/png");
            RecordedRequest call = calls.stream().filter(r -> imagePrompt.equals(r.prompt())).findFirst().orElseThrow();
            assertThat(call.hadBearerToken()).isTrue();
            assertThat(call.model()).isEqualTo("gpt-5-mini");
            assertThat(call.size()).isEqualTo("1536x1024");
            assertThat(call.seed()).isNull();
        }
        Map<String, Object> tool = imageToolOf(calls.get(0));
        assertThat(tool).containsEntry("type", "image_generation").containsEntry("model", "gpt-image-2")
                .containsEntry("quality", "low").containsEntry("output_format", "png")
                .doesNotContainKeys("style", "response_format", "seed", "n");
        assertNoFileHoldsTheKey();
    }

    @Test
    void aTuneSendsTheEarlierImageAsAnInputImage() {
        app.drop("lamp.json", "{\"prompt\": \"a brass desk lamp\", \"n\": 1}");
        app.awaitSidecars("lamp", 1);
        app.drop("lamp-green.json", "{\"base_image\": \"lamp-1\", \"change\": \"make the lamp green\"}");
        JsonNode tuned = app.awaitSidecars("lamp-green", 1).get(0);

        assertThat(tuned.path("parent").asText()).isEqualTo("lamp-1");
        assertThat(tuned.path("revised_by").asText()).isEqualTo("provider");
        RecordedRequest call = server.requests().stream()
                .filter(r -> r.path().equals("/v1/responses") && r.prompt().equals(tuned.path("image_prompt").asText()))
                .findFirst().orElseThrow();
        assertThat(call.imageParts()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> imageToolOf(RecordedRequest call) {
        Object tools = call.fields().get("tools");
        assertThat(tools).isInstanceOf(List.class);
        return (Map<String, Object>) ((List<Object>) tools).get(0);
    }

    private static void assertNoFileHoldsTheKey() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(KEY);
            }
        }
    }
}

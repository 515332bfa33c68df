package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproduce and tune over the real routes with the offline provider: a reproduce renders the earlier
 * image again bit for bit; a tune applies only the change and keeps the seed, editing the earlier
 * image where the model can edit. Generating afresh where the model cannot edit (dall-e-3, which the
 * offline provider refuses as OpenAI does) is DallEStyleServerTuneTest.
 */
class ReproduceAndTuneTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static OfflineImageServer offline;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).start();
        offline = app.bean("offlineServer", OfflineImageServer.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void reproduceRendersTheSameBytesFromTheRecordedPromptAndSeed() throws Exception {
        app.drop("lighthouse.json", """
                {"prompt": "a lighthouse on a cliff at dusk", "n": 2, "seed": 5, "quality": "high", "output_format": "jpeg"}""");
        JsonNode original = app.awaitSidecars("lighthouse", 2).get(1);

        app.drop("lighthouse-again.json", "{\"reproduce\": \"lighthouse-2\"}");
        JsonNode again = app.awaitSidecars("lighthouse-again", 1).get(0);

        assertThat(again.path("parent").asText()).isEqualTo("lighthouse-2");
        assertThat(again.path("sha256").asText()).isEqualTo(original.path("sha256").asText());
        assertThat(bytesOf("lighthouse-again", again)).isEqualTo(bytesOf("lighthouse", original));
        for (String field : List.of("image_prompt", "seed", "model", "size", "quality", "output_format", "media_type")) {
            assertThat(again.path(field)).as(field).isEqualTo(original.path(field));
        }
        assertThat(again.path("seed").asLong()).isEqualTo(6);
        assertThat(again.path("expansion").path("mode").asText()).isEqualTo("verbatim");
    }

    @Test
    void tuneEditsTheEarlierImageWithTheChangedPromptAndKeepsItsSeed() {
        app.drop("meadow.json", "{\"prompt\": \"a meadow under a blue sky\", \"n\": 1, \"seed\": 77}");
        JsonNode parent = app.awaitSidecars("meadow", 1).get(0);

        app.drop("meadow-purple.json", "{\"base_image\": \"meadow-1\", \"change\": \"make the sky purple\"}");
        JsonNode tuned = app.awaitSidecars("meadow-purple", 1).get(0);

        assertThat(tuned.path("parent").asText()).isEqualTo("meadow-1");
        assertThat(tuned.path("seed").asLong()).isEqualTo(77);
        assertThat(tuned.path("model").asText()).isEqualTo(parent.path("model").asText());
        assertThat(tuned.path("image_prompt").asText()).contains("purple").isNotEqualTo(parent.path("image_prompt").asText());
        assertThat(tuned.path("sha256").asText()).isNotEqualTo(parent.path("sha256").asText());
        RecordedRequest edit = requestWithPrompt(tuned.path("image_prompt").asText());
        assertThat(edit.path()).isEqualTo("/v1/images/edits");
        assertThat(edit.imageParts()).isEqualTo(1);
        assertThat(edit.seed()).isEqualTo(77L);
        assertThat(edit.model()).isEqualTo("gpt-image-2");
    }

    @Test
    void reproducingAnImageThatDoesNotExistIsADeadLetterNamingTheField() {
        app.drop("ghost.json", "{\"reproduce\": \"nobody-here-1\"}");
        JsonNode error = app.awaitDeadLetter("ghost.json");
        assertThat(error.path("stage").asText()).isEqualTo("validation");
        assertThat(error.path("reason").asText()).startsWith("The field 'reproduce'").contains("nobody-here-1");
        assertThat(app.outbox().resolve("ghost")).doesNotExist();
    }

    @Test
    void aStableDiffusionModelGoesToTheOfflineSdStandInAndItsTuneToImg2Img() {
        app.drop("sd-fox.json", "{\"prompt\": \"a fox in the snow\", \"model\": \"stable-diffusion\", \"n\": 2, \"seed\": 300, \"expand\": false}");
        List<JsonNode> sidecars = app.awaitSidecars("sd-fox", 2);
        assertThat(sidecars).extracting(s -> s.path("seed").asLong()).containsExactly(300L, 301L);
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("provider").asText()).isEqualTo("offline");
            assertThat(s.path("seed_honored").asBoolean()).isTrue();
            assertThat(s.path("size").asText()).isEqualTo("1024x1024");
        });
        RecordedRequest txt2img = requestWithPrompt("a fox in the snow");
        assertThat(txt2img.path()).isEqualTo("/sdapi/v1/txt2img");
        assertThat(txt2img.n()).isEqualTo(2);
        assertThat(txt2img.hadBearerToken()).isFalse();

        app.drop("sd-fox-night.json", "{\"base_image\": \"sd-fox-2\", \"change\": \"make it night\"}");
        JsonNode tuned = app.awaitSidecars("sd-fox-night", 1).get(0);
        assertThat(tuned.path("seed").asLong()).isEqualTo(301);
        assertThat(tuned.path("parent").asText()).isEqualTo("sd-fox-2");
        RecordedRequest img2img = requestWithPrompt(tuned.path("image_prompt").asText());
        assertThat(img2img.path()).isEqualTo("/sdapi/v1/img2img");
        assertThat(img2img.imageParts()).isEqualTo(1);
        assertThat(img2img.seed()).isEqualTo(301L);
        assertThat(img2img.fields()).containsEntry("denoising_strength", 0.5);
    }

    @Test
    void reproducingAnImageWhoseModelHasBeenShutDownSinceRendersOnTheReplacement() throws Exception {
        app.drop("old-kite.json", "{\"prompt\": \"a yellow kite over dunes\", \"n\": 1, \"seed\": 3}");
        app.awaitSidecars("old-kite", 1);
        // the sidecar as gpt-image-1 wrote it before its shutdown on 2026-10-23
        app.rewriteSidecar("old-kite", "old-kite-1", "model", "gpt-image-1");

        app.drop("old-kite-again.json", "{\"reproduce\": \"old-kite-1\"}");
        JsonNode again = app.awaitSidecars("old-kite-again", 1).get(0);

        assertThat(again.path("model").asText()).isEqualTo("gpt-image-2");
        assertThat(again.path("policy").toString()).contains("gpt-image-1 was shut down on 2026-10-23 → gpt-image-2");
        assertThat(requestWithPrompt(again.path("image_prompt").asText()).model()).isEqualTo("gpt-image-2");
    }

    private static RecordedRequest requestWithPrompt(String prompt) {
        return offline.requests().stream().filter(r -> prompt.equals(r.prompt())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no request with prompt: " + prompt + " in " + offline.requests()));
    }

    private static byte[] bytesOf(String briefId, JsonNode sidecar) throws Exception {
        return Files.readAllBytes(app.outbox().resolve(briefId).resolve(sidecar.path("file").asText()));
    }
}

package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet a marketing team wrote for DALL·E 3 (examples/dalle3/summer-campaign.csv: model
 * dall-e-3, 1792x1024, hd, vivid, response_format) renders through the real routes on gpt-image-2,
 * every mapping recorded in the sidecars, nothing dead-lettered, and no DALL·E-only field sent.
 */
class DalleEraSpreadsheetTest {

    @TempDir
    Path root;

    @Test
    void theDalle3SpreadsheetRendersOnGptImage2WithItsMappingsRecorded() throws IOException {
        try (RunningApp app = new RunningApp(root).set("expansion", "rules").start()) {
            app.drop("summer-campaign.csv", Files.readAllBytes(Path.of("examples/dalle3/summer-campaign.csv")));

            JsonNode hero = app.awaitSidecars("summer-hero", 1).get(0);
            assertThat(hero.path("model").asText()).isEqualTo("gpt-image-2");
            assertThat(hero.path("size").asText()).isEqualTo("1536x1024");
            assertThat(hero.path("quality").asText()).isEqualTo("high");
            assertThat(hero.path("style").isNull() || hero.path("style").isMissingNode()).isTrue();
            assertThat(hero.path("image_prompt").asText()).contains("lighthouse").contains("vivid, hyper-real style");
            assertThat(policy(hero)).contains(
                    "model-retired replaced: dall-e-3 was shut down on 2026-05-12 → gpt-image-2",
                    "carry-over mapped: size 1792x1024 → 1536x1024 (gpt-image-2's wide size)",
                    "carry-over mapped: quality hd → high (gpt-image-2 has no hd)",
                    "carry-over worded: style vivid → added to the prompt: 'in a vivid, hyper-real style with dramatic lighting"
                            + " and saturated colours' (gpt-image-2 takes no style)",
                    "carry-over dropped: response_format (brief2image sets it itself where the model takes it)");
            assertThat(ImageIO.read(app.outbox().resolve("summer-hero").resolve(hero.path("file").asText()).toFile()).getWidth())
                    .isEqualTo(1536);

            JsonNode story = app.awaitSidecars("summer-story", 1).get(0);
            assertThat(story.path("size").asText()).isEqualTo("1024x1536");
            assertThat(story.path("quality").asText()).isEqualTo("medium");
            assertThat(story.path("image_prompt").asText()).contains("natural, true-to-life style");
            assertThat(policy(story)).contains("carry-over mapped: size 1024x1792 → 1024x1536 (gpt-image-2's tall size)",
                    "carry-over mapped: quality standard → medium (gpt-image-2 has no standard)");

            JsonNode tile = app.awaitSidecars("summer-tile", 1).get(0);
            assertThat(tile.path("size").asText()).isEqualTo("1024x1024");
            assertThat(policy(tile)).noneMatch(p -> p.contains("size "));
            assertThat(app.awaitSidecars("summer-banner", 1).get(0).path("size").asText()).isEqualTo("1536x1024");

            List<RecordedRequest> sent = app.bean("offlineServer", OfflineImageServer.class).requests().stream()
                    .filter(r -> r.path().equals("/v1/images/generations")).toList();
            assertThat(sent).hasSize(4).allSatisfy(request -> {
                assertThat(request.model()).isEqualTo("gpt-image-2");
                assertThat(request.fields()).doesNotContainKeys("style", "response_format");
            });
            assertThat(deadLetters(app)).isEmpty();
        }
    }

    static List<String> policy(JsonNode sidecar) {
        return StreamSupport.stream(sidecar.path("policy").spliterator(), false)
                .map(p -> p.path("rule").asText() + " " + p.path("action").asText() + ": " + p.path("detail").asText()).toList();
    }

    static List<Path> deadLetters(RunningApp app) throws IOException {
        if (!Files.isDirectory(app.failed())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(app.failed())) {
            return files.toList();
        }
    }
}

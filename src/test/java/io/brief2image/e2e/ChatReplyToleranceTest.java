package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.brief2image.app.Settings;
import io.brief2image.brief.ModelTable;
import io.brief2image.expansion.StructuredPrompt;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 point 8: chat replies that are almost right are read tolerantly through the real
 * pipeline (chat stand-in for captions, offline provider for images). Extra captions are cut,
 * missing ones come from the rules, and a caption that is empty, too long for the image model or
 * an echo of the request is asked for once more, then the rules write them all. Each sidecar
 * says which of these happened.
 */
class ChatReplyToleranceTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static ChatStandIn chatServer;
    /** The prompt limit of the model the briefs render on, whatever the default model is. */
    static int limit;

    @BeforeAll
    static void start() {
        chatServer = new ChatStandIn();
        app = new RunningApp(root)
                .set("openai-api-key", "sk-test-tolerance-0000")
                .set("openai-base-url", chatServer.baseUrl())
                .set("provider", "offline")
                .start();
        String model = app.bean("settings", Settings.class).models().model();
        limit = app.bean("modelTable", ModelTable.class).find(model).orElseThrow().maxPromptChars();
    }

    @AfterAll
    static void stop() {
        app.close();
        chatServer.close();
    }

    private static MappingBuilder captionsFor(String word) {
        return chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("captions")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(word)));
    }

    @Test
    void moreCaptionsThanImagesUsesTheFirstOnes() {
        chatServer.server().stubFor(captionsFor("kite").willReturn(captions(
                "Photo of a red kite over a green hill, wide sky", "Photo of a red kite tangled in a tree",
                "Photo of a red kite on a beach")));
        app.drop("kite.json", "{\"prompt\": \"a red kite over a hill\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("kite", 1).get(0);

        assertThat(sidecar.path("count").asInt()).isEqualTo(1);
        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Photo of a red kite over a green hill, wide sky");
        assertThat(sidecar.path("revised_by").asText()).isEqualTo("gpt");
        assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("gpt");
        assertThat(sidecar.path("expansion").path("note").asText()).contains("wrote 3 captions for 1 image", "used the first 1");
        // the schema asked for exactly one caption, and the reply was used the first time
        assertThat(asked("red kite")).hasSize(1);
        JsonNode schema = ChatStandIn.bodyOf(asked("red kite").get(0)).path("response_format").path("json_schema").path("schema");
        assertThat(schema.path("properties").path("captions").path("minItems").asInt()).isEqualTo(1);
        assertThat(schema.path("properties").path("captions").path("maxItems").asInt()).isEqualTo(1);
    }

    @Test
    void twoCaptionsForOneImageIsNotAFailure() {
        chatServer.server().stubFor(captionsFor("lantern").willReturn(captions(
                "Photo of a paper lantern glowing at dusk", "Illustration of a paper lantern")));
        app.drop("lantern.json", "{\"prompt\": \"a paper lantern at dusk\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("lantern", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Photo of a paper lantern glowing at dusk");
        assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("gpt");
        assertThat(sidecar.path("expansion").path("note").asText()).contains("wrote 2 captions for 1 image");
        assertThat(asked("paper lantern")).hasSize(1);
    }

    @Test
    void fewerCaptionsThanImagesAreFilledFromTheRules() {
        chatServer.server().stubFor(captionsFor("windmill").willReturn(captions(
                "Photo of a white windmill in a tulip field, low sun")));
        app.drop("windmill.json", "{\"prompt\": \"a windmill in a tulip field\", \"n\": 2}");

        List<JsonNode> sidecars = app.awaitSidecars("windmill", 2);

        assertThat(sidecars.get(0).path("image_prompt").asText()).isEqualTo("Photo of a white windmill in a tulip field, low sun");
        assertThat(sidecars.get(0).path("revised_by").asText()).isEqualTo("gpt");
        assertThat(sidecars.get(1).path("revised_by").asText()).isEqualTo("rules");
        assertThat(sidecars.get(1).path("image_prompt").asText()).startsWith("Illustration of a windmill in a tulip field, ");
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("expansion").path("mode").asText()).isEqualTo("gpt");
            assertThat(s.path("expansion").path("note").asText()).contains("wrote 1 caption for 2 images", "image 2 from the rules");
        });
        assertThat(asked("tulip field")).hasSize(1);
    }

    @Test
    void aCaptionThatEchoesTheRequestJsonIsAskedAgainThenRulesWrite() {
        chatServer.server().stubFor(captionsFor("lighthouse").willReturn(captions(
                "Photo of {\"prompt\": \"a lighthouse on a cliff\", \"image_types\": [\"photo\"], \"n\": 1}")));
        assertRulesAfterTwoAsks("lighthouse", "a lighthouse on a cliff", "repeats the request's own JSON");
    }

    @Test
    void aCaptionThatEchoesTheInstructionsIsAskedAgainThenRulesWrite() {
        String instructions = StructuredPrompt.captions().systemPrompt().lines().findFirst().orElseThrow();
        chatServer.server().stubFor(captionsFor("greenhouse").willReturn(captions("Photo of a greenhouse. " + instructions)));
        assertRulesAfterTwoAsks("greenhouse", "a greenhouse full of ferns", "repeats the instructions");
    }

    @Test
    void aCaptionOverTheModelsPromptLimitIsAskedAgainThenRulesWrite() {
        String tooLong = "Photo of a canal boat " + "with geraniums on its roof ".repeat(limit / 20);
        chatServer.server().stubFor(captionsFor("canal boat").willReturn(captions(tooLong)));
        assertRulesAfterTwoAsks("canal", "a canal boat with flowers", "more than the image model's limit of " + limit);
    }

    @Test
    void anEmptyCaptionIsAskedAgainThenRulesWrite() {
        chatServer.server().stubFor(captionsFor("orchard").willReturn(captions("   ")));
        assertRulesAfterTwoAsks("orchard", "an apple orchard in autumn", "caption 1 is empty");
    }

    private static void assertRulesAfterTwoAsks(String id, String prompt, String reason) {
        app.drop(id + ".json", "{\"prompt\": \"" + prompt + "\", \"n\": 1}");
        JsonNode sidecar = app.awaitSidecars(id, 1).get(0);
        assertThat(sidecar.path("revised_by").asText()).isEqualTo("rules");
        assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("rules");
        assertThat(sidecar.path("expansion").path("note").asText()).contains("GPT expansion failed", reason, "after 2 attempts");
        assertThat(sidecar.path("image_prompt").asText()).startsWith("Photo of " + prompt + ", ");
        assertThat(asked(prompt)).hasSize(2);
        assertThat(outboxImages(id)).hasSize(1);
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> asked(String words) {
        return chatServer.requests().stream().filter(r -> ChatStandIn.userMessageOf(r).path("prompt").asText().contains(words)).toList();
    }

    private static List<Path> outboxImages(String id) {
        try (Stream<Path> files = Files.list(app.outbox().resolve(id))) {
            return files.filter(f -> f.toString().endsWith(".png")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

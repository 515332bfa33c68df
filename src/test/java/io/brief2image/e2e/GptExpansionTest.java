package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static io.brief2image.testing.ChatStandIn.content;
import static io.brief2image.testing.ChatStandIn.refusal;
import static io.brief2image.testing.ChatStandIn.tunedPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.testing.ForbiddenNames;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.RunningApp;
import io.brief2image.testing.TestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3: GPT expansion through the real pipeline, with a chat stand-in that misbehaves. Images
 * still come from the offline provider (provider=offline) while chat goes to the stand-in, because
 * a key is set. Whatever the chat model says, every brief renders its images and no forbidden name
 * reaches the image model.
 */
class GptExpansionTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static ChatStandIn chatServer;
    static final List<Pattern> FORBIDDEN = forbiddenNames();
    static final String KEY = "sk-test-e2e-expansion-0000";

    @BeforeAll
    static void start() {
        chatServer = new ChatStandIn();
        var stubs = chatServer.server();
        stubs.stubFor(captionsFor("parade").willReturn(captions(
                "Photo of Barack Obama in the style of Andy Warhol",
                "Illustration of Mickey Mouse waving at a parade, bright colours")));
        stubs.stubFor(captionsFor("teapot").willReturn(captions("Photo of a teapot 1", "Photo of a teapot 2",
                "Photo of a teapot 3", "Photo of a teapot 4", "Photo of a teapot 5")));
        stubs.stubFor(captionsFor("harbour").willReturn(content("{\"captions\": [\"Photo of a harbour at dusk\"", "stop")));
        stubs.stubFor(captionsFor("castle").willReturn(refusal("I'm sorry, I can't help with that request.")));
        stubs.stubFor(captionsFor("bicycle").willReturn(captions(
                "Photo of a green bicycle leaning on a whitewashed wall, low morning sun, long shadows")));
        stubs.stubFor(chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("tune")))
                .willReturn(tunedPrompt("Photo of a blue bicycle leaning on a whitewashed wall, low morning sun, long shadows")));
        app = new RunningApp(root)
                .set("openai-api-key", KEY)
                .set("openai-base-url", chatServer.baseUrl())
                .set("provider", "offline")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        // the key went out as a bearer header on every chat call, and nowhere else
        assertThat(chatServer.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY));
        chatServer.close();
        Path log = TestLog.file();
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(KEY);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
            }
        }
    }

    private static MappingBuilder captionsFor(String word) {
        return chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("captions")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(word)));
    }

    @Test
    void forbiddenNamesFromTheChatModelAreRewrittenBeforeRendering() throws Exception {
        app.drop("parade.json", """
                {"prompt": "a street parade in a small town", "seed": 5}""");
        List<JsonNode> sidecars = app.awaitSidecars("parade", 2);

        assertNoForbiddenNames(sidecars);
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("expansion").path("mode").asText()).isEqualTo("gpt");
            assertThat(s.path("expansion").path("model").asText()).isEqualTo("gpt-5-mini");
            assertThat(s.path("revised_by").asText()).isEqualTo("gpt");
            assertThat(s.path("provider").asText()).isEqualTo("offline");
            assertThat(s.path("policy").findValuesAsText("rule")).contains("public-figures", "artists", "studios-and-characters");
        });
        assertThat(sidecars.get(0).path("image_prompt").asText()).startsWith("Photo").contains("pop art");
        assertThat(sidecars.get(1).path("image_prompt").asText()).contains("cartoon mouse");
        assertThat(outboxImages("parade")).hasSize(2);
    }

    @Test
    void tooManyCaptionsUseTheFirstOnes() throws Exception {
        app.drop("teapot.json", "{\"prompt\": \"a teapot on a kitchen table\"}");
        List<JsonNode> sidecars = app.awaitSidecars("teapot", 2);
        assertThat(sidecars).extracting(s -> s.path("image_prompt").asText()).containsExactly("Photo of a teapot 1", "Photo of a teapot 2");
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("expansion").path("mode").asText()).isEqualTo("gpt");
            assertThat(s.path("expansion").path("note").asText()).isEqualTo("the chat model wrote 5 captions for 2 images; used the first 2");
            assertThat(s.path("revised_by").asText()).isEqualTo("gpt");
        });
        assertThat(chatServer.requests().stream().filter(r -> r.getBodyAsString().contains("a teapot on a kitchen table"))).hasSize(1);
    }

    @Test
    void invalidJsonFallsBackToRules() throws Exception {
        assertFallback("harbour", "a fishing harbour at dusk", "not valid JSON");
    }

    @Test
    void refusalFallsBackToRules() throws Exception {
        assertFallback("castle", "a castle on a hill", "the chat model refused");
    }

    @Test
    void tuneAppliesTheChangeThroughTheChatModel() throws Exception {
        app.drop("bike.json", """
                {"prompt": "a bicycle by a wall", "n": 1, "seed": 99}""");
        JsonNode parent = app.awaitSidecars("bike", 1).get(0);
        assertThat(parent.path("expansion").path("mode").asText()).isEqualTo("gpt");

        app.drop("bike-blue.json", """
                {"base_image": "bike-1", "change": "make the bicycle blue"}""");
        JsonNode tuned = app.awaitSidecars("bike-blue", 1).get(0);

        LoggedRequest tuneCall = chatServer.requests().stream()
                .filter(r -> ChatStandIn.bodyOf(r).path("response_format").path("json_schema").path("name").asText().equals("tune"))
                .findFirst().orElseThrow();
        JsonNode user = ChatStandIn.userMessageOf(tuneCall);
        assertThat(user.path("earlier_prompt").asText()).isEqualTo(parent.path("image_prompt").asText());
        assertThat(user.path("change").asText()).isEqualTo("make the bicycle blue");
        assertThat(tuned.path("parent").asText()).isEqualTo("bike-1");
        assertThat(tuned.path("seed").asLong()).isEqualTo(parent.path("seed").asLong()).isEqualTo(99);
        assertThat(tuned.path("expansion").path("mode").asText()).isEqualTo("gpt");
        assertThat(tuned.path("revised_by").asText()).isEqualTo("gpt");
        assertThat(tuned.path("image_prompt").asText()).contains("blue bicycle");
    }

    private static void assertFallback(String id, String prompt, String reason) throws Exception {
        app.drop(id + ".json", "{\"prompt\": \"" + prompt + "\"}");
        List<JsonNode> sidecars = app.awaitSidecars(id, 2);
        assertNoForbiddenNames(sidecars);
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("count").asInt()).isEqualTo(2);
            assertThat(s.path("expansion").path("mode").asText()).isEqualTo("rules");
            assertThat(s.path("expansion").path("note").asText()).contains("GPT expansion failed", reason);
            assertThat(s.path("revised_by").asText()).isEqualTo("rules");
        });
        assertThat(outboxImages(id)).hasSize(2);
        // asked once, then once more before giving up
        assertThat(chatServer.requests().stream().filter(r -> r.getBodyAsString().contains(prompt))).hasSize(2);
    }

    private static void assertNoForbiddenNames(List<JsonNode> sidecars) {
        for (JsonNode sidecar : sidecars) {
            for (String field : List.of("image_prompt", "revised_prompt")) {
                String text = sidecar.path(field).asText();
                assertThat(FORBIDDEN).as("%s of %s: %s", field, sidecar.path("image_id").asText(), text)
                        .noneMatch(name -> name.matcher(text).find());
            }
        }
    }

    /** Every public figure, recent artist, character and studio in world/*.yaml, with aliases. */
    private static List<Pattern> forbiddenNames() {
        GuidelinePolicy policy = GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED);
        List<String> names = ForbiddenNames.in(WorldData.bundled().join(), Year.now().getValue() - policy.artistCutoffYears());
        return names.stream().map(n -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(n.toLowerCase(Locale.ROOT)) + "(?!\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    private static List<Path> outboxImages(String id) throws Exception {
        try (Stream<Path> files = Files.list(app.outbox().resolve(id))) {
            return files.filter(f -> f.toString().endsWith(".png")).toList();
        }
    }
}

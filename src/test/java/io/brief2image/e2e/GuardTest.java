package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static io.brief2image.testing.ChatStandIn.content;
import static io.brief2image.testing.ChatStandIn.guardFindings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.brief2image.admission.Budget;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 3: with a chat model, the GPT guard checks the final captions after the data rules,
 * through the real routes. Chat (captions and guard) goes to a stand-in; images to the offline provider.
 */
class GuardTest {

    static final ModelSpec MODEL = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();

    @TempDir
    static Path root;
    static RunningApp app;
    static ChatStandIn chatServer;

    @BeforeAll
    static void start() {
        chatServer = new ChatStandIn();
        var stubs = chatServer.server();
        // names no data list knows, so only the guard can find them
        stubs.stubFor(captionsFor("rocket").willReturn(captions(
                "Illustration of Zorblax from Starfall Chronicles waving from a red rocket, flat colours",
                "Photo of a toy red rocket on a desk, a sign that reads \"Zorblax\" beside it")));
        stubs.stubFor(guardFor("red rocket").willReturn(guardFindings(1, "Zorblax", "character", 1, "Starfall Chronicles", "title",
                2, "Zorblax", "character")));
        // a guard that names what is not in the caption and offers its own text: nothing may change
        stubs.stubFor(captionsFor("lighthouse").willReturn(captions("Photo of a white lighthouse on a cliff at dawn, calm sea")));
        stubs.stubFor(guardFor("white lighthouse").willReturn(content("{\"findings\": [{\"caption\": 1, \"name\": \"Barack Obama\", "
                + "\"kind\": \"person\", \"replacement\": \"Barack Obama waving\"}, {\"caption\": 3, \"name\": \"lighthouse\", \"kind\": \"title\"}], "
                + "\"captions\": [\"Photo of Barack Obama at a lighthouse\"]}", "stop")));
        // the guard server fails: the data rules' captions are used and the note says so
        stubs.stubFor(captionsFor("orchard").willReturn(captions("Photo of an apple orchard in autumn, ladders against the trees")));
        stubs.stubFor(guardFor("apple orchard").willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        stubs.stubFor(captionsFor("teacup").willReturn(captions("Photo of a blue teacup on a saucer, soft window light")));
        stubs.stubFor(guardFor("blue teacup").willReturn(content("this is not JSON", "stop")));
        app = new RunningApp(root)
                .set("openai-api-key", "sk-test-guard-0000")
                .set("openai-base-url", chatServer.baseUrl())
                .set("provider", "offline")
                .set("guard", "auto")
                .set("daily-budget-usd", "50")
                .start();
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

    private static MappingBuilder guardFor(String word) {
        return chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("guard")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing(word)));
    }

    @Test
    void aNameLeftInACaptionIsReplacedByTheGuardAndRecorded() {
        app.drop("rocket.json", "{\"prompt\": \"a cartoon hero in a rocket\", \"n\": 2, \"quality\": \"low\"}");
        List<JsonNode> sidecars = app.awaitSidecars("rocket", 2);

        assertThat(sidecars.get(0).path("image_prompt").asText())
                .isEqualTo("Illustration of an original character from an original story waving from a red rocket, flat colours");
        // lettering in the image is not a depiction: the sign keeps the name
        assertThat(sidecars.get(1).path("image_prompt").asText()).contains("a sign that reads \"Zorblax\"");
        JsonNode policy = sidecars.get(0).path("policy");
        assertThat(policy.findValuesAsText("by")).containsOnly("gpt-guard").hasSize(2);
        assertThat(policy.toString()).contains("'Zorblax' → 'an original character' (character)",
                "'Starfall Chronicles' → 'an original story' (title)");

        // the guard was asked with the strict schema and the final captions, after the rules
        LoggedRequest guardCall = guardCalls("red rocket").get(0);
        JsonNode format = ChatStandIn.bodyOf(guardCall).path("response_format");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("properties").path("findings").path("items")
                .path("properties").path("kind").path("enum").toString()).contains("person", "artist", "studio", "character", "title");
        assertThat(ChatStandIn.userMessageOf(guardCall).path("captions")).hasSize(2);

        // two chat calls (captions, guard), both priced into cost_usd and the day's spend:
        // the stand-in reports 10 prompt and 20 completion tokens a call, gpt-5-mini at $0.25 / $2.00 per 1M
        double chatUsd = 2 * (10 * 0.25 + 20 * 2.00) / 1_000_000.0;
        assertThat(sidecars.get(0).path("expansion").path("cost_usd").asDouble()).isCloseTo(chatUsd, Offset.offset(1e-9));
        double imagesUsd = 0;
        for (JsonNode image : sidecars) {
            JsonNode usage = image.path("usage");
            imagesUsd += (usage.path("input_tokens").asLong() * MODEL.price().textInputPerMtok()
                    + usage.path("output_tokens").asLong() * MODEL.price().outputPerMtok()) / 1_000_000.0;
        }
        double paid = sidecars.stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
        assertThat(paid).isCloseTo(imagesUsd + chatUsd, Offset.offset(2e-6));
        assertThat(app.bean("budget", Budget.class).spentTodayUsd()).isGreaterThanOrEqualTo(imagesUsd + chatUsd - 1e-9);
    }

    @Test
    void theGuardCanNeverAddANameOrText() {
        app.drop("lighthouse.json", "{\"prompt\": \"a lighthouse at dawn\", \"n\": 1}");
        JsonNode sidecar = app.awaitSidecars("lighthouse", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Photo of a white lighthouse on a cliff at dawn, calm sea");
        assertThat(sidecar.path("policy").findValuesAsText("by")).isEmpty();
        assertThat(sidecar.path("expansion").path("note").isMissingNode()).isTrue();
        assertThat(guardCalls("white lighthouse")).hasSize(1);
    }

    @Test
    void aGuardServerErrorFallsBackToTheDataRulesAndSaysSo() {
        app.drop("orchard.json", "{\"prompt\": \"an apple orchard\", \"n\": 1}");
        JsonNode sidecar = app.awaitSidecars("orchard", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Photo of an apple orchard in autumn, ladders against the trees");
        assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("gpt");
        assertThat(sidecar.path("expansion").path("note").asText())
                .contains("the GPT guard failed, the captions were checked by the data rules only", "500", "after 2 attempts");
        assertThat(guardCalls("apple orchard")).hasSize(2);
    }

    @Test
    void aGuardReplyThatIsNotJsonFallsBackToTheDataRulesAndSaysSo() {
        app.drop("teacup.json", "{\"prompt\": \"a teacup\", \"n\": 1}");
        JsonNode sidecar = app.awaitSidecars("teacup", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Photo of a blue teacup on a saucer, soft window light");
        assertThat(sidecar.path("expansion").path("note").asText()).contains("the GPT guard failed", "not valid JSON");
    }

    private static List<LoggedRequest> guardCalls(String words) {
        return chatServer.requests().stream()
                .filter(r -> ChatStandIn.bodyOf(r).path("response_format").path("json_schema").path("name").asText().equals("guard"))
                .filter(r -> r.getBodyAsString().contains(words)).toList();
    }
}

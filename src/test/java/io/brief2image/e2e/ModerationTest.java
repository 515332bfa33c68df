package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.brief2image.testing.ChatStandIn.moderationReply;
import static io.brief2image.testing.ChatStandIn.moderations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.PlainReason;
import io.brief2image.testing.RunningApp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 4: with a key, the final captions are moderated before any image is paid for,
 * through the real routes, against a stand-in OpenAI server (WireMock) for moderation and images.
 */
class ModerationTest {

    static final String IMAGES = "/v1/images/generations";
    static final String KEY = "sk-test-moderation-0000";

    @TempDir
    static Path root;
    static ChatStandIn api;

    @BeforeAll
    static void start() throws Exception {
        api = new ChatStandIn();
        var stubs = api.server();
        stubs.stubFor(post(urlPathEqualTo(IMAGES)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"created\":1767225600,\"data\":[{\"b64_json\":\"" + png() + "\"}],"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":100,\"total_tokens\":110}}")));
        stubs.stubFor(moderations().willReturn(moderationReply(List.of())));
        stubs.stubFor(moderations().withRequestBody(containing("poppies")).willReturn(moderationReply(List.of(), List.of())));
        stubs.stubFor(moderations().withRequestBody(containing("battlefield"))
                .willReturn(moderationReply(List.of("violence/graphic", "harassment/threatening"))));
        stubs.stubFor(moderations().withRequestBody(containing("volcano")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static RunningApp app(Path dir, String moderation) {
        return new RunningApp(dir).set("provider", "openai").set("openai-api-key", KEY).set("openai-base-url", api.baseUrl())
                .set("expansion", "rules").set("models-check-minutes", "0").set("max-attempts", "3").set("moderation", moderation).start();
    }

    @Test
    void flaggedCaptionsAreDeadLetteredWithTheCategoriesInPlainWordsAndNoImageIsPaidFor(@TempDir Path dir) {
        try (RunningApp app = app(dir, "auto")) {
            app.drop("battle.json", "{\"prompt\": \"a battlefield after the fight\", \"n\": 1, \"expand\": false}");
            JsonNode report = app.awaitDeadLetter("battle.json");

            assertThat(report.path("stage").asText()).isEqualTo("moderation");
            assertThat(report.path("reason").asText()).contains("found threats against a person and graphic violence in", "nothing was paid")
                    .doesNotContain("violence/graphic", "harassment/threatening");
            PlainReason.assertPlain(report, dir);
            api.server().verify(0, postRequestedFor(urlPathEqualTo(IMAGES)).withRequestBody(containing("battlefield")));
        }
    }

    @Test
    void passingCaptionsAreRenderedAndTheCheckIsRecorded(@TempDir Path dir) {
        try (RunningApp app = app(dir, "auto")) {
            app.drop("meadow.json", "{\"prompt\": \"a meadow with poppies\", \"n\": 2}");
            List<JsonNode> sidecars = app.awaitSidecars("meadow", 2);

            assertThat(sidecars.get(0).path("policy").toString()).contains("\"rule\":\"moderation\"", "\"action\":\"passed\"",
                    "omni-moderation-latest: 2 captions, none flagged");
            LoggedRequest check = moderationCalls("poppies").get(0);
            JsonNode body = ChatStandIn.bodyOf(check);
            assertThat(body.path("model").asText()).isEqualTo("omni-moderation-latest");
            assertThat(body.path("input")).extracting(JsonNode::asText)
                    .containsExactly(sidecars.get(0).path("image_prompt").asText(), sidecars.get(1).path("image_prompt").asText());
            assertThat(check.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            // moderated first, then paid for
            long moderated = check.getLoggedDate().getTime();
            assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo(IMAGES)).withRequestBody(containing("poppies"))))
                    .hasSize(2).allSatisfy(r -> assertThat(r.getLoggedDate().getTime()).isGreaterThanOrEqualTo(moderated));
        }
    }

    @Test
    void aModerationServiceThatKeepsFailingIsRetriedThenFailsClosed(@TempDir Path dir) {
        try (RunningApp app = app(dir, "auto")) {
            app.drop("volcano.json", "{\"prompt\": \"a volcano at night\", \"n\": 1, \"expand\": false}");
            JsonNode report = app.awaitDeadLetter("volcano.json");

            assertThat(report.path("stage").asText()).isEqualTo("moderation");
            assertThat(report.path("reason").asText()).contains("could not be made", "HTTP 503", "nothing was paid", "Replay the brief later");
            assertThat(report.path("http_status").asInt()).isEqualTo(503);
            assertThat(report.path("attempts").asInt()).isEqualTo(3);
            PlainReason.assertPlain(report, dir);
            assertThat(moderationCalls("volcano")).hasSize(3);
            api.server().verify(0, postRequestedFor(urlPathEqualTo(IMAGES)).withRequestBody(containing("volcano")));
        }
    }

    @Test
    void moderationOffMakesNoModerationCall(@TempDir Path dir) {
        try (RunningApp app = app(dir, "off")) {
            app.drop("canal.json", "{\"prompt\": \"a canal boat in spring\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("canal", 1).get(0);

            assertThat(moderationCalls("canal boat")).isEmpty();
            assertThat(sidecar.path("policy").findValuesAsText("rule")).doesNotContain("moderation");
        }
    }

    @Test
    void withoutAKeyTheBlockedTermListIsTheModerationAndNoCallIsMade(@TempDir Path dir) {
        try (RunningApp app = new RunningApp(dir).set("moderation", "auto").start()) {
            app.drop("kite.json", "{\"prompt\": \"a kite over a beach\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("kite", 1).get(0);
            assertThat(sidecar.path("provider").asText()).isEqualTo("offline");
            assertThat(sidecar.path("policy").toString()).contains("\"rule\":\"moderation\"", "\"action\":\"checked\"", "blocked-term list");

            app.drop("gory.json", "{\"prompt\": \"a gory battle scene\", \"n\": 1}");
            assertThat(app.awaitDeadLetter("gory.json").path("reason").asText()).contains("gory");
        }
        assertThat(moderationCalls("kite")).isEmpty();
    }

    @Test
    void theOfflineProviderServesModerationToo(@TempDir Path dir) throws Exception {
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults());
             RunningApp app = new RunningApp(dir).set("provider", "openai").set("openai-api-key", KEY).set("openai-base-url", server.baseUrl())
                     .set("expansion", "rules").set("models-check-minutes", "0").set("moderation", "auto").start()) {
            // not a blocked term of the guidelines, but on the offline provider's own moderation list
            app.drop("field.json", "{\"prompt\": \"a field strewn with entrails\", \"n\": 1, \"expand\": false}");
            JsonNode report = app.awaitDeadLetter("field.json");
            assertThat(report.path("reason").asText()).contains("found graphic violence in the image description");
            assertThat(server.requests()).extracting(r -> r.path()).contains("/v1/moderations").doesNotContain(IMAGES);

            app.drop("pond.json", "{\"prompt\": \"a duck pond in spring\", \"n\": 1}");
            assertThat(app.awaitSidecars("pond", 1).get(0).path("policy").toString()).contains("none flagged");
        }
    }

    private static List<LoggedRequest> moderationCalls(String words) {
        return api.moderationRequests().stream().filter(r -> r.getBodyAsString().contains(words)).toList();
    }

    private static String png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

package io.brief2image.expansion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static io.brief2image.testing.ChatStandIn.content;
import static io.brief2image.testing.ChatStandIn.error;
import static io.brief2image.testing.ChatStandIn.refusal;
import static io.brief2image.testing.ChatStandIn.tunedPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.RetryPolicy;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.RunningApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat caption writer against a stand-in chat server over real HTTP, through the app's own
 * provider client (camel-http's HttpClient): what it sends, and how it treats every kind of unusable reply.
 */
class GptCaptionWriterTest {

    static final String KEY = "sk-test-captions-0000";
    static final List<String> TYPES = List.of("photo", "oil painting");
    /** The image model's prompt limit the captions must fit. */
    static final int LIMIT = 200;

    @TempDir
    static java.nio.file.Path root;
    static RunningApp app;
    static ChatStandIn chatServer;
    GptCaptionWriter writer;

    @BeforeAll
    static void start() {
        chatServer = new ChatStandIn();
        // the app only lends its Camel context and its http component here
        app = new RunningApp(root).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        chatServer.close();
    }

    @BeforeEach
    void fresh() {
        chatServer.reset();
        ProviderHttp http = new ProviderHttp(app.context(), KEY);
        // the image calls' policy with a 5 ms backoff; the writer narrows it to its 2 attempts
        writer = new GptCaptionWriter(new ChatCompletions(http, chatServer.baseUrl()), "gpt-test-mini", new RetryPolicy(6, 5));
    }

    List<String> captionsOf(String prompt) throws CaptionWriter.ExpansionException {
        return writer.captions(prompt, TYPES, LIMIT).texts();
    }

    @Test
    void sendsAStrictSchemaRequestAndReturnsOneCaptionPerType() throws Exception {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a red bicycle against a brick wall, morning light",
                "Oil painting of a red bicycle in a sunlit alley, warm palette")));

        List<String> texts = captionsOf("a red bicycle");

        assertThat(texts).containsExactly("Photo of a red bicycle against a brick wall, morning light",
                "Oil painting of a red bicycle in a sunlit alley, warm palette");
        assertThat(chatServer.requests()).hasSize(1);
        var request = chatServer.requests().get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = ChatStandIn.bodyOf(request);
        assertThat(body.path("model").asText()).isEqualTo("gpt-test-mini");
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("captions");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema")).isEqualTo(new ObjectMapper().readTree("""
                {"type": "object", "properties": {"captions": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}},
                 "required": ["captions"], "additionalProperties": false}"""));
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo(StructuredPrompt.captions().systemPrompt())
                .contains("translate", "Return JSON only").doesNotContainIgnoringCase("ignore previous");
        JsonNode user = ChatStandIn.userMessageOf(request);
        assertThat(user.path("prompt").asText()).isEqualTo("a red bicycle");
        assertThat(user.path("image_types")).extracting(JsonNode::asText).containsExactly("photo", "oil painting");
        assertThat(user.path("n").asInt()).isEqualTo(2);
    }

    @Test
    void nonEnglishPromptsTravelAsUtf8() throws Exception {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a cat on a windowsill", "Oil painting of a cat")));
        captionsOf("창가에 앉은 고양이");
        assertThat(ChatStandIn.userMessageOf(chatServer.requests().get(0)).path("prompt").asText()).isEqualTo("창가에 앉은 고양이");
    }

    @Test
    void refusalIsAskedOnceMoreThenReported() {
        chatServer.server().stubFor(chat().willReturn(refusal("I can't help with that.")));
        assertThatThrownBy(() -> captionsOf("a red bicycle"))
                .isInstanceOf(CaptionWriter.ExpansionException.class)
                .hasMessageContaining("the chat model refused: I can't help with that.");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void refusalThenCaptionsUsesTheSecondReply() throws Exception {
        chatServer.server().stubFor(chat().inScenario("refuse-once").whenScenarioStateIs(STARTED).willSetStateTo("willing")
                .willReturn(refusal("no")));
        chatServer.server().stubFor(chat().inScenario("refuse-once").whenScenarioStateIs("willing")
                .willReturn(captions("Photo of a lemon", "Oil painting of a lemon")));
        assertThat(captionsOf("a lemon")).hasSize(2);
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void replyCutOffAtTheTokenLimitIsNotUsed() {
        chatServer.server().stubFor(chat().willReturn(content("{\"captions\": [\"Photo of a le", "length")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("finish_reason length");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void invalidJsonContentIsNotUsed() {
        chatServer.server().stubFor(chat().willReturn(content("Sure! Here are your captions: 1. Photo of a lemon", "stop")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("not valid JSON");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void moreCaptionsThanAskedUsesTheFirstOnesAndSaysSo() throws Exception {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of 1", "Oil painting of 2", "Photo of 3", "Photo of 4", "Photo of 5")));
        CaptionWriter.WrittenCaptions written = writer.captions("a lemon", TYPES, LIMIT);
        assertThat(written.texts()).containsExactly("Photo of 1", "Oil painting of 2");
        assertThat(written.note()).isEqualTo("the chat model wrote 5 captions for 2 images; used the first 2");
        assertThat(chatServer.requests()).hasSize(1);
    }

    @Test
    void fewerCaptionsThanAskedAreReturnedAsTheyAre() throws Exception {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon")));
        CaptionWriter.WrittenCaptions written = writer.captions("a lemon", TYPES, LIMIT);
        assertThat(written.texts()).containsExactly("Photo of a lemon");
        assertThat(chatServer.requests()).hasSize(1);
    }

    @Test
    void anEmptyListIsAskedAgain() {
        chatServer.server().stubFor(chat().willReturn(captions()));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("has no captions");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void onlyTheCaptionsUsedMustBeUsable() throws Exception {
        // the third is never used, so its being empty does not matter
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon", "Oil painting of a lemon", "")));
        assertThat(captionsOf("a lemon")).containsExactly("Photo of a lemon", "Oil painting of a lemon");
    }

    @Test
    void echoesOfTheRequestAreNotUsed() {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon",
                "Oil painting of {\"prompt\": \"a lemon\", \"image_types\": [\"photo\", \"oil painting\"], \"n\": 2}")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("caption 2 repeats the request's own JSON");
        assertThat(chatServer.requests()).hasSize(2);

        chatServer.reset();
        String rule = StructuredPrompt.captions().systemPrompt().lines().filter(l -> l.startsWith("- Never name a real person"))
                .findFirst().orElseThrow();
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon " + rule, "Oil painting of a lemon")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("caption 1 repeats the instructions");
    }

    @Test
    void captionsThatOnlyShareShortPhrasesWithTheInstructionsAreUsed() throws Exception {
        // "a tall man with short grey hair" is in the instructions, and a fine thing to describe
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a tall man with short grey hair reading a newspaper",
                "Oil painting of a lemon, the subject, the setting")));
        assertThat(captionsOf("a man reading")).hasSize(2);
    }

    @Test
    void anUnusableReplyThenAGoodOneUsesTheSecond() throws Exception {
        chatServer.server().stubFor(chat().inScenario("echo-once").whenScenarioStateIs(STARTED).willSetStateTo("better")
                .willReturn(captions("Photo of {\"n\": 2}", "Oil painting of a lemon")));
        chatServer.server().stubFor(chat().inScenario("echo-once").whenScenarioStateIs("better")
                .willReturn(captions("Photo of a lemon", "Oil painting of a lemon")));
        assertThat(captionsOf("a lemon")).containsExactly("Photo of a lemon", "Oil painting of a lemon");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void theLimitIsTheOneGivenForThisBrief() throws Exception {
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon on a plate", "Oil painting of a lemon")));
        assertThatThrownBy(() -> writer.captions("a lemon", TYPES, 20)).hasMessageContaining("27 characters, more than the image model's limit of 20");
        assertThat(writer.captions("a lemon", TYPES, 27).texts()).hasSize(2);
    }

    @Test
    void emptyNonStringAndOverlongCaptionsAreSchemaMismatches() {
        chatServer.server().stubFor(chat().willReturn(content("{\"captions\": [\"Photo of a lemon\", \"  \"]}", "stop")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("caption 2 is empty");

        chatServer.reset();
        chatServer.server().stubFor(chat().willReturn(content("{\"captions\": [\"Photo of a lemon\", 7]}", "stop")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("caption 2 is not a string");

        chatServer.reset();
        chatServer.server().stubFor(chat().willReturn(content("{\"pictures\": []}", "stop")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("no captions list");

        chatServer.reset();
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a lemon", "Oil painting of " + "a lemon ".repeat(40))));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("more than the image model's limit of 200");
    }

    @Test
    void serverErrorIsRetriedOnce() throws Exception {
        chatServer.server().stubFor(chat().inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                .willReturn(error(500, "server_error", "The server had an error")));
        chatServer.server().stubFor(chat().inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(captions("Photo of a lemon", "Oil painting of a lemon")));
        assertThat(captionsOf("a lemon")).containsExactly("Photo of a lemon", "Oil painting of a lemon");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void rateLimitHonoursRetryAfterOnce() throws Exception {
        chatServer.server().stubFor(chat().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(error(429, "rate_limit_exceeded", "Slow down").withHeader("Retry-After", "0.05")));
        chatServer.server().stubFor(chat().inScenario("busy").whenScenarioStateIs("free")
                .willReturn(captions("Photo of a lemon", "Oil painting of a lemon")));
        assertThat(captionsOf("a lemon")).hasSize(2);
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void badRequestIsNotRetried() {
        chatServer.server().stubFor(chat().willReturn(error(400, "invalid_json_schema", "Invalid schema for response_format")));
        assertThatThrownBy(() -> captionsOf("a lemon"))
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Invalid schema for response_format")
                .hasMessageNotContaining(KEY);
        assertThat(chatServer.requests()).hasSize(1);
    }

    @Test
    void replyThatIsNotAChatCompletionIsRetriedThenReported() {
        chatServer.server().stubFor(chat().willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));
        assertThatThrownBy(() -> captionsOf("a lemon")).hasMessageContaining("not a chat completion");
        assertThat(chatServer.requests()).hasSize(2);
    }

    @Test
    void applyChangeSendsTheEarlierPromptAndTheChangeWithItsOwnSchema() throws Exception {
        chatServer.server().stubFor(chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("tune")))
                .willReturn(tunedPrompt("Photo of a red door in a white wall")));

        String tuned = writer.applyChange("Photo of a blue door in a white wall", "make the door red", LIMIT);

        assertThat(tuned).isEqualTo("Photo of a red door in a white wall");
        JsonNode body = ChatStandIn.bodyOf(chatServer.requests().get(0));
        assertThat(body.path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(body.path("response_format").path("json_schema").path("schema").path("required")).extracting(JsonNode::asText)
                .containsExactly("prompt");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo(StructuredPrompt.tune().systemPrompt());
        JsonNode user = ChatStandIn.userMessageOf(chatServer.requests().get(0));
        assertThat(user.path("earlier_prompt").asText()).isEqualTo("Photo of a blue door in a white wall");
        assertThat(user.path("change").asText()).isEqualTo("make the door red");
    }

    @Test
    void applyChangeRejectsAnEmptyPrompt() {
        chatServer.server().stubFor(chat().willReturn(tunedPrompt("")));
        assertThatThrownBy(() -> writer.applyChange("Photo of a blue door", "make it red", LIMIT)).hasMessageContaining("prompt is empty");
        assertThat(chatServer.requests()).hasSize(2);
    }
}
